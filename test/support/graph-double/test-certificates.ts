import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Throwaway self-signed certificates made with the openssl CLI at test time, into a temp dir — never
 * committed, valid for a day. Used twice: the Graph double's TLS server certificate (SAN IP:127.0.0.1, so
 * Node's hostname check passes for https://127.0.0.1:port) and the app's client certificates that msal
 * signs its client assertion with.
 */
export interface TestCertificate {
  certPem: string;
  keyPem: string;
  /** Certificate alone (what a client trusts as CA, or what an app registration holds). */
  certPath: string;
  /** Certificate + private key in one PEM file (what MICROSOFT_APP_CERTIFICATE_PATH points at). */
  pemPath: string;
  /** SHA-256 of the DER certificate, lower-case hex. */
  thumbprintSha256: string;
}

export async function makeTempDir(prefix = 'hoivacrm-graph-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function makeSelfSignedCertificate(dir: string, name: string, subject: string, subjectAltName?: string): Promise<TestCertificate> {
  const certPath = join(dir, `${name}.cert.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1', '-subj', subject, '-keyout', keyPath, '-out', certPath];
  if (subjectAltName) args.push('-addext', `subjectAltName=${subjectAltName}`);
  try {
    await run('openssl', args);
  } catch (error) {
    throw new Error(`The Graph double needs the openssl CLI to make a throwaway certificate: ${(error as Error).message}`);
  }
  const [certPem, keyPem] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  const pemPath = join(dir, `${name}.pem`);
  await writeFile(pemPath, `${certPem.trim()}\n${keyPem.trim()}\n`, { mode: 0o600 });
  return {
    certPem,
    keyPem,
    certPath,
    pemPath,
    thumbprintSha256: new X509Certificate(certPem).fingerprint256.replaceAll(':', '').toLowerCase(),
  };
}

/** The double's server certificate: CN and SAN 127.0.0.1, as `openssl req -x509 … -addext subjectAltName=IP:127.0.0.1`. */
export function makeLoopbackServerCertificate(dir: string): Promise<TestCertificate> {
  return makeSelfSignedCertificate(dir, 'graph-double-tls', '/CN=127.0.0.1', 'IP:127.0.0.1');
}
