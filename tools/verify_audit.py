#!/usr/bin/env python3
"""Standalone verifier of a citybrain audit log, written apart from the server's code.

Python 3 standard library only. From the specifications, not from citybrain's Java:
  - RFC 6962 / RFC 9162 section 2.1: Merkle tree hashes, inclusion and consistency proof checks;
  - C2SP tlog-checkpoint and signed-note (https://c2sp.org/): the checkpoint text and its signature lines;
  - RFC 8032 section 5.1: Ed25519 signature verification (the arithmetic is below, nothing imported);
  - RFC 8785: the canonical JSON of an entry, rebuilt here from the entry's fields.

It keeps the newest checkpoint it accepted in a state folder. Each run it fetches the server's
newest checkpoint, checks its signature with the pinned verifier key, checks a consistency proof
from the kept checkpoint (the log only grew), checks inclusion proofs for sampled entries (and any
named with --seq) against the new checkpoint, and only then keeps the new checkpoint.

    verify_audit.py --server http://127.0.0.1:8080 --key "$(cat audit.vkey)" --state ./kept
    verify_audit.py --self-test

Exit status: 0 verified, 3 verification failed, 2 bad usage or an unreachable server.
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import random
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

EXIT_OK, EXIT_USAGE, EXIT_FAILED = 0, 2, 3


class VerificationError(Exception):
    """A check failed: the log or a signature is not what it claims."""


# --------------------------------------------------------------------------- Ed25519 (RFC 8032 5.1)

P = 2 ** 255 - 19                      # the field prime
L = 2 ** 252 + 27742317777372353535851937790883648493   # order of the base point
D = (-121665 * pow(121666, P - 2, P)) % P                 # curve constant d of edwards25519
SQRT_M1 = pow(2, (P - 1) // 4, P)      # a square root of -1 mod p


def _inv(x):
    return pow(x, P - 2, P)


def _edwards_add(a, b):
    """Adds two points in extended homogeneous coordinates (X, Y, Z, T), RFC 8032 5.1.4."""
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    pa = (y1 - x1) * (y2 - x2) % P
    pb = (y1 + x1) * (y2 + x2) % P
    pc = t1 * 2 * D * t2 % P
    pd = z1 * 2 * z2 % P
    e, f, g, h = pb - pa, pd - pc, pd + pc, pb + pa
    return (e * f % P, g * h % P, f * g % P, e * h % P)


IDENTITY = (0, 1, 1, 0)


def _scalar_mult(k, point):
    result, addend = IDENTITY, point
    while k > 0:
        if k & 1:
            result = _edwards_add(result, addend)
        addend = _edwards_add(addend, addend)
        k >>= 1
    return result


def _same_point(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _decode_point(s):
    """Decodes 32 bytes to a point (RFC 8032 5.1.3); None when they encode no point."""
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    if y >= P:
        return None
    u = (y * y - 1) % P
    v = (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    vx2 = v * x * x % P
    if vx2 == u:
        pass
    elif vx2 == (-u) % P:
        x = x * SQRT_M1 % P
    else:
        return None
    if x == 0 and sign == 1:
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


_BY = 4 * _inv(5) % P
BASE = _decode_point(_BY.to_bytes(32, "little"))  # x is chosen even, as RFC 8032 5.1 requires


def ed25519_verify(public_key, message, signature):
    """True when signature (64 bytes) is public_key's (32 bytes) Ed25519 signature of message."""
    if len(public_key) != 32 or len(signature) != 64:
        return False
    a = _decode_point(public_key)
    r = _decode_point(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % L
    return _same_point(_scalar_mult(s, BASE), _edwards_add(r, _scalar_mult(k, a)))


# --------------------------------------------------------------------------- Merkle tree (RFC 9162 2.1)

def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion(index, size, leaf, path):
    """The root an audit path leads to (RFC 9162 2.1.3.2); raises when the path has the wrong shape."""
    if index < 0 or index >= size:
        raise VerificationError("leaf index %d is outside a tree of %d" % (index, size))
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise VerificationError("inclusion path too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("inclusion path too short")
    return r


def check_consistency(first, second, first_root, second_root, proof):
    """RFC 9162 2.1.4.2: raises unless the tree of `first` leaves is a prefix of the tree of `second`."""
    if first > second:
        raise VerificationError("the log shrank from %d to %d entries" % (first, second))
    if first == second:
        if proof or first_root != second_root:
            raise VerificationError("two different roots for %d entries: entries the kept checkpoint covered were changed" % first)
        return
    if first == 0:
        return  # everything extends the empty tree
    if not proof:
        raise VerificationError("empty consistency proof from %d to %d" % (first, second))
    if first & (first - 1) == 0:
        proof = [first_root] + list(proof)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            raise VerificationError("consistency proof too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("consistency proof too short")
    if fr != first_root:
        raise VerificationError("the proof does not lead to the kept root: entries the kept checkpoint covered were changed")
    if sr != second_root:
        raise VerificationError("the proof does not lead to the new checkpoint's root")


# --------------------------------------------------------------------------- keys, notes, checkpoints (C2SP)

class VerifierKey:
    """A C2SP verifier key: <name>+<hex key id>+base64(0x01 || Ed25519 public key)."""

    def __init__(self, text):
        parts = text.strip().split("+", 2)  # base64 may hold plus signs; name and key id cannot
        if len(parts) != 3:
            raise ValueError("a verifier key is <name>+<key id>+<base64 key>, got %r" % text)
        self.name, key_id_hex, b64 = parts
        raw = base64.b64decode(b64, validate=True)
        if len(raw) != 33 or raw[0] != 1:
            raise ValueError("expected an Ed25519 key (type 0x01, 32 bytes)")
        self.public_key = raw[1:]
        self.key_id = hashlib.sha256(self.name.encode() + b"\n" + raw).digest()[:4]
        if self.key_id.hex() != key_id_hex.lower():
            raise ValueError("key id %s does not match the name and key (expected %s)" % (key_id_hex, self.key_id.hex()))


def open_checkpoint(note, key):
    """Checks a signed checkpoint note with key; returns (origin, size, root bytes, note)."""
    if not note.endswith("\n") or "\n\n" not in note:
        raise VerificationError("not a signed note (no blank line before the signatures)")
    split = note.rindex("\n\n")
    text, signatures = note[: split + 1], note[split + 2:]
    signed = False
    for line in signatures.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise VerificationError("bad signature line %r" % line)
        name, _, b64 = line[2:].rpartition(" ")
        blob = base64.b64decode(b64)
        if name == key.name and blob[:4] == key.key_id:
            if not ed25519_verify(key.public_key, text.encode("utf-8"), blob[4:]):
                raise VerificationError("the checkpoint's signature by %s does not verify" % key.name)
            signed = True
    if not signed:
        raise VerificationError("the checkpoint is not signed by the pinned key %s" % key.name)
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 3 or lines[0] != key.name:
        raise VerificationError("the checkpoint is not from log %s" % key.name)
    size = int(lines[1])
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32 or str(size) != lines[1]:
        raise VerificationError("malformed checkpoint size or root")
    return lines[0], size, root, note


# --------------------------------------------------------------------------- entries (RFC 8785)

def _jcs_string(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif c < 0x20:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical_json(obj):
    """RFC 8785 for objects of strings and integers (all an audit entry holds)."""
    items = sorted(obj.items(), key=lambda kv: kv[0].encode("utf-16-be"))
    parts = []
    for k, v in items:
        if isinstance(v, bool) or not isinstance(v, (int, str)):
            raise VerificationError("unexpected value for %s in an entry" % k)
        parts.append(_jcs_string(k) + ":" + (str(v) if isinstance(v, int) else _jcs_string(v)))
    return "{" + ",".join(parts) + "}"


def epoch_millis(iso):
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return (t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(milliseconds=1)


def leaf_of_entry(e):
    """The leaf text of an entry as the API shows it (docs/audit.md): its fields as canonical JSON."""
    obj = {"seq": e["seq"], "at": epoch_millis(e["at"]), "actor": e["actor"], "action": e["action"],
           "target": e["target"], "details": e["details"], "prevHash": e["prevHash"], "hash": e["hash"]}
    for k in ("controller", "controllerVersion"):
        if e.get(k) is not None:
            obj[k] = e[k]
    for k, v in e.items():
        if k not in obj and k not in ("controller", "controllerVersion") and v is not None:
            obj[k] = v   # fields a newer server adds are part of the leaf too
    return canonical_json(obj)


# --------------------------------------------------------------------------- talking to the server

class Server:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def get(self, path):
        req = urllib.request.Request(self.base + path)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            raise OSError("%s%s answered %d: %s" % (self.base, path, e.code, e.read().decode("utf-8", "replace")))
        except urllib.error.URLError as e:
            raise OSError("cannot reach %s%s: %s" % (self.base, path, e.reason))


def hexes(values):
    return [bytes.fromhex(h) for h in values]


def verify(server, key, state_dir, sample, seqs, rng, out):
    kept_path = os.path.join(state_dir, "checkpoint")
    _, size, root, note = open_checkpoint(server.get("/api/audit/checkpoint"), key)
    out("newest checkpoint: %d entries, root %s, signature by %s verified" % (size, root.hex(), key.name))
    if os.path.exists(kept_path):
        with open(kept_path, encoding="utf-8") as f:
            _, old_size, old_root, _ = open_checkpoint(f.read(), key)
        if old_size > size:
            raise VerificationError("the log now has %d entries, fewer than the %d of the kept checkpoint" % (size, old_size))
        proof = []
        if 0 < old_size < size:
            proof = hexes(json.loads(server.get("/api/audit/proof/consistency?from=%d&to=%d" % (old_size, size)))["path"])
        check_consistency(old_size, size, old_root, root, proof)
        out("consistency: kept checkpoint of %d entries -> %d entries verified (%d hashes)" % (old_size, size, len(proof)))
    else:
        out("no kept checkpoint yet in %s: keeping this one (trust on first use)" % state_dir)
    chosen = sorted(set([s for s in seqs if 1 <= s <= size] + ([size] if size else [])
                        + [rng.randint(1, size) for _ in range(min(sample, size))]))
    for s in seqs:
        if not 1 <= s <= size:
            raise VerificationError("entry %d is not in the log of %d entries" % (s, size))
    for seq in chosen:
        p = json.loads(server.get("/api/audit/proof/inclusion?seq=%d&treeSize=%d" % (seq, size)))
        leaf_text = leaf_of_entry(p["entry"])
        if leaf_text != p["leaf"]:
            raise VerificationError("entry %d: the leaf the server proves is not the entry it shows" % seq)
        got = root_from_inclusion(seq - 1, size, leaf_hash(leaf_text.encode("utf-8")), hexes(p["path"]))
        if got != root:
            raise VerificationError("entry %d: its inclusion proof does not lead to the checkpoint's root" % seq)
    out("inclusion: %d entries verified against the checkpoint of %d entries %s" % (len(chosen), size, chosen[:10]))
    os.makedirs(state_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=state_dir, prefix=".checkpoint.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(note)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, kept_path)
    return size


# --------------------------------------------------------------------------- self-test

def self_test(out):
    # RFC 8032 section 7.1, TEST 1 and TEST 2
    vectors = [
        ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ]
    for pub, msg, sig in vectors:
        pub, msg, sig = bytes.fromhex(pub), bytes.fromhex(msg), bytes.fromhex(sig)
        assert ed25519_verify(pub, msg, sig), "RFC 8032 vector rejected"
        assert not ed25519_verify(pub, msg + b"x", sig), "changed message accepted"
        bad = bytearray(sig)
        bad[5] ^= 1
        assert not ed25519_verify(pub, msg, bytes(bad)), "changed signature accepted"
    # RFC 6962: every inclusion and consistency proof of a 7-leaf tree, built by the recursive definition
    leaves = [leaf_hash(bytes([i])) for i in range(7)]

    def mth(hs):
        if len(hs) == 1:
            return hs[0]
        k = 1
        while k * 2 < len(hs):
            k *= 2
        return node_hash(mth(hs[:k]), mth(hs[k:]))

    def path(m, hs):
        if len(hs) == 1:
            return []
        k = 1
        while k * 2 < len(hs):
            k *= 2
        return path(m, hs[:k]) + [mth(hs[k:])] if m < k else path(m - k, hs[k:]) + [mth(hs[:k])]

    def subproof(m, hs, b):
        if m == len(hs):
            return [] if b else [mth(hs)]
        k = 1
        while k * 2 < len(hs):
            k *= 2
        return subproof(m, hs[:k], b) + [mth(hs[k:])] if m <= k else subproof(m - k, hs[k:], False) + [mth(hs[:k])]

    for n in range(1, 8):
        for i in range(n):
            assert root_from_inclusion(i, n, leaves[i], path(i, leaves[:n])) == mth(leaves[:n])
        for m in range(1, n + 1):
            check_consistency(m, n, mth(leaves[:m]), mth(leaves[:n]), subproof(m, leaves[:n], True) if m < n else [])
    try:
        check_consistency(3, 7, mth(leaves[:3]), mth(leaves[1:7] + [leaves[0]]), subproof(3, leaves[:7], True))
        raise AssertionError("inconsistent trees accepted")
    except VerificationError:
        pass
    assert canonical_json({"b": 1, "a": "x\n\u00fc\"", "c": "\u0001"}) == '{"a":"x\\n\u00fc\\"","b":1,"c":"\\u0001"}'
    out("self-test passed: RFC 8032 vectors, RFC 6962 proofs of trees of 1 to 7 leaves, RFC 8785 strings")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", help="the citybrain server, e.g. http://127.0.0.1:8080")
    ap.add_argument("--key", help="the pinned verifier key (from GET /api/audit/key once), or @FILE holding it")
    ap.add_argument("--state", help="folder where the accepted checkpoint is kept between runs")
    ap.add_argument("--sample", type=int, default=20, help="entries to check inclusion of, at random (default 20)")
    ap.add_argument("--seq", type=int, action="append", default=[], help="an entry to check inclusion of (repeatable)")
    ap.add_argument("--seed", type=int, help="seed of the sample (printed; default random)")
    ap.add_argument("--token", default=os.environ.get("CITYBRAIN_TOKEN"), help="bearer token (default $CITYBRAIN_TOKEN)")
    ap.add_argument("--self-test", action="store_true", help="check the verifier's own algorithms and exit")
    a = ap.parse_args(argv)

    def out(msg):
        print(msg, flush=True)

    if a.self_test:
        try:
            self_test(out)
        except AssertionError as e:
            out("self-test FAILED: %s" % e)
            return EXIT_FAILED
        return EXIT_OK
    if not (a.server and a.key and a.state):
        ap.print_usage(sys.stderr)
        print("error: --server, --key and --state are required", file=sys.stderr)
        return EXIT_USAGE
    try:
        key_text = a.key
        if key_text.startswith("@"):
            with open(key_text[1:], encoding="utf-8") as f:
                key_text = f.read()
        key = VerifierKey(key_text)
    except (OSError, ValueError) as e:
        print("error: --key: %s" % e, file=sys.stderr)
        return EXIT_USAGE
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(2 ** 32)
    out("sample seed %d" % seed)
    try:
        verify(Server(a.server, a.token), key, a.state, a.sample, a.seq, random.Random(seed), out)
    except VerificationError as e:
        out("audit log verification FAILED: %s" % e)
        return EXIT_FAILED
    except (OSError, ValueError, KeyError) as e:
        print("error: %s" % e, file=sys.stderr)
        return EXIT_USAGE
    out("audit log verified")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
