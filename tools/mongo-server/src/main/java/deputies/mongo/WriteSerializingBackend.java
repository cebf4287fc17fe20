package deputies.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every command a consistent view of the documents it returns, as MongoDB does.
 *
 * <p>mongo-java-server 1.47's memory backend hands out its stored document objects, which the
 * network thread encodes after the command returns: a concurrent update can change them in between.
 * Seen here: 30 concurrent {@code $inc} with {@code returnDocument: 'after'} end at 30, yet two callers
 * were handed the same value. So writes to a collection take turns (the update itself was already
 * atomic), reads of it share a lock, and every answer is deep-copied before the lock is released.
 */
final class WriteSerializingBackend implements InvocationHandler {
  private static final Logger log = LoggerFactory.getLogger(WriteSerializingBackend.class);
  private static final Set<String> WRITES = Set.of("findandmodify", "update", "insert", "delete");

  private final MongoBackend target;
  private final ConcurrentHashMap<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

  private WriteSerializingBackend(MongoBackend target) {
    this.target = target;
  }

  static MongoBackend wrap(MongoBackend target) {
    return (MongoBackend)
        Proxy.newProxyInstance(
            MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class}, new WriteSerializingBackend(target));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (!method.getName().equals("handleMessage") || args == null || args.length != 1) return call(method, args);
    if (!(args[0] instanceof MongoMessage message)) return call(method, args);
    try {
      return handle(method, args, message);
    } catch (RuntimeException e) {
      // A refusal (MongoServerException: duplicate key, bad query) is the client's to report; anything else
      // is a fault of the server itself, so it is logged with its stack trace (the wire handler's log is off).
      if (!(e instanceof MongoServerException)) log.error("unexpected error handling {}", message.getDocument(), e);
      throw e;
    }
  }

  private Object handle(Method method, Object[] args, MongoMessage message) throws Throwable {
    Document doc = message.getDocument();
    if (doc == null || doc.isEmpty()) return call(method, args);
    String command = doc.keySet().iterator().next();
    // getMore names its collection in a field of its own; every other command in its first value.
    Object subject = command.equals("getMore") ? doc.get("collection") : doc.get(command);
    if (!(subject instanceof String collection)) return call(method, args);
    ReadWriteLock rw = locks.computeIfAbsent(message.getDatabaseName() + "/" + collection, k -> new ReentrantReadWriteLock());
    Lock lock = WRITES.contains(command.toLowerCase(Locale.ROOT)) ? rw.writeLock() : rw.readLock();
    lock.lock();
    try {
      Object result = call(method, args);
      return result instanceof Document answer ? answer.cloneDeeply() : result;
    } finally {
      lock.unlock();
    }
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
