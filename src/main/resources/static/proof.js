// Checks, in the browser and with WebCrypto only, what the ledger's audit endpoints claim: an
// event's inclusion proof (RFC 9162 §2.1.3.2, docs/audit-proofs.md) and the Ed25519 signature
// of the tree head it leads to (docs/audit-chain.md §2). Nothing here trusts the server's own
// verdict: every hash is recomputed.

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})*$/i.test(hex)) throw new Error(`not hex: ${hex}`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256(...parts) {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const input = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    input.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}

export const leafHash = (eventHash) => sha256(Uint8Array.of(0), hexToBytes(eventHash));
const nodeHash = (left, right) => sha256(Uint8Array.of(1), left, right);

/** {ok, reason, leaf, root}: the root recomputed from the event hash, leaf index, size and path. */
export async function verifyInclusion({eventHash, leafIndex, treeSize, path, root}) {
  if (!globalThis.crypto?.subtle) {
    return {ok: false, reason: 'This browser offers no WebCrypto here (it needs HTTPS or localhost).'};
  }
  if (!(leafIndex < treeSize)) return {ok: false, reason: `leaf index ${leafIndex} is not below the tree size ${treeSize}`};
  let fn = leafIndex;
  let sn = treeSize - 1;
  const leaf = await leafHash(eventHash);
  let r = leaf;
  for (const hex of path) {
    if (sn === 0) return {ok: false, reason: 'the path has more hashes than the tree has levels'};
    const p = hexToBytes(hex);
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  const computed = bytesToHex(r);
  if (sn !== 0) return {ok: false, reason: 'the path is shorter than the tree is deep', leaf: bytesToHex(leaf), root: computed};
  if (computed !== String(root).toLowerCase()) {
    return {ok: false, reason: `the recomputed root ${computed} is not the tree head's ${root}`, leaf: bytesToHex(leaf), root: computed};
  }
  return {ok: true, leaf: bytesToHex(leaf), root: computed};
}

/**
 * {ok, reason}: the tree head's Ed25519 signature under the ledger's public key (PEM), where the
 * browser's WebCrypto has Ed25519; ok is null when it has not.
 */
export async function verifyTreeHead(head, publicKeyPem) {
  const der = atob(String(publicKeyPem).replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  const spki = Uint8Array.from(der, (c) => c.charCodeAt(0));
  let key;
  try {
    key = await crypto.subtle.importKey('spki', spki, {name: 'Ed25519'}, false, ['verify']);
  } catch (error) {
    return {ok: null, reason: `this browser cannot check Ed25519 signatures (${error.name})`};
  }
  const keyId = bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)));
  const message = new TextEncoder().encode(
      `orgledger-tree-head-v1\n${head.treeSize}\n${head.lastSequence}\n${head.root}\n${head.recordedAt}\n`);
  const ok = await crypto.subtle.verify({name: 'Ed25519'}, key, hexToBytes(head.signature), message);
  if (!ok) return {ok: false, reason: 'the signature does not verify under the ledger key'};
  if (head.keyId && head.keyId !== keyId) return {ok: false, reason: `signed by key ${head.keyId}, but the key served is ${keyId}`};
  return {ok: true, keyId};
}
