import { type Connection, Schema } from 'mongoose';

/** Facts about the deployment as a whole (one document, _id 'deployment'). */
const deploymentSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** When the first instance ever started against this database: slots before it were never due. */
    firstStartedAt: { type: Date, required: true },
  },
  { collection: 'deployment', versionKey: false },
);

export function deploymentModel(conn: Connection) {
  return conn.model('Deployment', deploymentSchema);
}
