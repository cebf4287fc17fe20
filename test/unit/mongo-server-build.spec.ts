import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../helpers/child';

// tools/mongo-server/build.sh on a first start: instead of 40 silent seconds it says what Maven is
// fetching, and when Maven fails it names why. Maven itself is played by a script on PATH that
// prints what Maven prints (the real one needs the network and a minute).

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mongo-server-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A `mvn` that prints `lines`, then builds the jar (exit 0) or fails with `exitCode`. */
function fakeMaven(lines: string[], exitCode = 0): void {
  const bin = path.join(dir, 'bin');
  const script = [
    '#!/usr/bin/env bash',
    ...lines.map((l) => `printf '%s\\n' ${JSON.stringify(l)}`),
    exitCode === 0
      ? 'pom="${@: -2:1}"; t="$(dirname "$pom")/target"; mkdir -p "$t/lib"; echo jar > "$t/mongo-server.jar"'
      : `exit ${exitCode}`,
  ].join('\n');
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(path.join(bin, 'mvn'), `${script}\n`);
  chmodSync(path.join(bin, 'mvn'), 0o755);
}

function build() {
  const out = path.join(dir, 'out');
  const r = spawnSync('bash', [path.join(projectRoot, 'tools/mongo-server/build.sh'), out], {
    encoding: 'utf8',
    env: { PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`, MONGO_SERVER_PROGRESS_EVERY: '0' },
  });
  return { ...r, out };
}

const CENTRAL = 'https://repo.maven.apache.org/maven2/de/bwaldvogel/mongo-java-server-core/1.47.0';

it('says what it fetches and which step Maven is on, then that it is done', () => {
  fakeMaven([
    `[INFO] Downloading from central: ${CENTRAL}/mongo-java-server-core-1.47.0.jar`,
    `[INFO] Downloaded from central: ${CENTRAL}/mongo-java-server-core-1.47.0.jar (402 kB at 1.2 MB/s)`,
    '[INFO] --- maven-jar-plugin:3.4.2:jar (default-jar) @ mongo-server ---',
  ]);
  const r = build();
  expect(r.status).toBe(0);
  expect(r.stderr).toContain('mongo-server build: building the embedded database');
  expect(r.stderr).toMatch(/1 files fetched from Maven Central, now: fetching mongo-java-server-core-1\.47\.0\.jar/);
  expect(r.stderr).toMatch(/now: maven-jar-plugin:3\.4\.2:jar/);
  expect(r.stderr).toMatch(/mongo-server build: done in \d+ s/);
  // Maven's own lines stay out of the way.
  expect(r.stderr).not.toContain('Downloading from central');
  expect(existsSync(path.join(r.out, 'mongo-server.jar'))).toBe(true);
});

it('names what failed when Maven cannot reach Maven Central, and keeps the full log', () => {
  fakeMaven(
    [
      `[INFO] Downloading from central: ${CENTRAL}/mongo-java-server-core-1.47.0.pom`,
      '[ERROR] Failed to execute goal on project mongo-server: Could not resolve dependencies for project ' +
        'local:mongo-server:jar:1: Could not transfer artifact de.bwaldvogel:mongo-java-server-core:pom:1.47.0 ' +
        'from/to central (https://repo.maven.apache.org/maven2): Unknown host repo.maven.apache.org',
      '[ERROR] ',
      '[ERROR] Re-run Maven using the -X switch to enable full debug logging.',
    ],
    1,
  );
  const r = build();
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('Maven failed (exit 1)');
  expect(r.stderr).toContain('Unknown host repo.maven.apache.org');
  expect(r.stderr).toContain('Maven could not fetch from Maven Central');
  expect(r.stderr).not.toContain('Re-run Maven');
  expect(readFileSync(`${r.out}.build.log`, 'utf8')).toContain('Downloading from central');
  expect(existsSync(path.join(r.out, 'mongo-server.jar'))).toBe(false);
});
