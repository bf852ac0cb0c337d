package io.citybrain.governance.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Roots and proofs built from stored subtrees agree with the recursive definitions of RFC 9162
 * §2.1.1, §2.1.3.1 and §2.1.4.1 written out literally here, for every leaf and size up to 70 and on
 * sampled larger trees; and a three-leaf tree hashed by hand.
 */
class DefinitionTest {
  private static final long SEED = 20261204L;

  private static List<Sha256Hash> leaves(int n) {
    List<Sha256Hash> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TreeHasher.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** MTH(D[n]) of RFC 9162 §2.1.1, over leaf hashes. */
  static Sha256Hash mth(List<Sha256Hash> d) {
    if (d.isEmpty()) {
      return TreeHasher.EMPTY_ROOT;
    }
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return TreeHasher.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  /** PATH(m, D[n]) of RFC 9162 §2.1.3.1. */
  static List<Sha256Hash> path(int m, List<Sha256Hash> d) {
    List<Sha256Hash> out = new ArrayList<>();
    if (d.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(path(m - k, d.subList(k, d.size())));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1. */
  static List<Sha256Hash> subproof(int m, List<Sha256Hash> d, boolean b) {
    List<Sha256Hash> out = new ArrayList<>();
    if (m == d.size()) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(subproof(m - k, d.subList(k, d.size()), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  private static MerkleTree tree(List<Sha256Hash> leaves) {
    MerkleTree t = new MerkleTree();
    leaves.forEach(t::appendLeafHash);
    return t;
  }

  @Test
  void everyRootAndProofUpTo70LeavesMatchesTheDefinition() throws ProofException {
    List<Sha256Hash> all = leaves(70);
    MerkleTree t = tree(all);
    for (int n = 1; n <= 70; n++) {
      List<Sha256Hash> d = all.subList(0, n);
      Sha256Hash root = mth(d);
      assertThat(t.proofs().root(n)).as("root of %d", n).isEqualTo(root);
      for (int m = 0; m < n; m++) {
        InclusionProof p = t.proofs().inclusion(m, n);
        assertThat(p.path()).as("PATH(%d, D[%d])", m, n).isEqualTo(path(m, d));
        p.verify(d.get(m), root);
      }
      for (int m = 1; m <= n; m++) {
        ConsistencyProof c = t.proofs().consistency(m, n);
        assertThat(c.path()).as("PROOF(%d, D[%d])", m, n).isEqualTo(subproof(m, d, true));
        c.verify(mth(all.subList(0, m)), root);
      }
    }
  }

  @Test
  void sampledProofsOfLargerTreesMatchTheDefinition() throws ProofException {
    Random random = new Random(SEED);
    List<Sha256Hash> all = leaves(3000);
    MerkleTree t = tree(all);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + random.nextInt(all.size());
      int m = random.nextInt(n);
      List<Sha256Hash> d = all.subList(0, n);
      Sha256Hash root = mth(d);
      InclusionProof p = t.proofs().inclusion(m, n);
      assertThat(p.path()).as("seed %d: PATH(%d, D[%d])", SEED, m, n).isEqualTo(path(m, d));
      p.verify(d.get(m), root);
      int old = 1 + random.nextInt(n);
      ConsistencyProof c = t.proofs().consistency(old, n);
      assertThat(c.path()).as("seed %d: PROOF(%d, D[%d])", SEED, old, n).isEqualTo(subproof(old, d, true));
      c.verify(mth(all.subList(0, old)), root);
    }
  }

  /** Leaves "a", "b", "c": root = H(0x01 || H(0x01 || H(0x00 a) || H(0x00 b)) || H(0x00 c)). */
  @Test
  void aThreeLeafTreeHashedByHand() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] la = sha.digest(new byte[] {0x00, 'a'});
    byte[] lb = sha.digest(new byte[] {0x00, 'b'});
    byte[] lc = sha.digest(new byte[] {0x00, 'c'});
    sha.update((byte) 0x01);
    sha.update(la);
    sha.update(lb);
    byte[] ab = sha.digest();
    sha.update((byte) 0x01);
    sha.update(ab);
    sha.update(lc);
    byte[] root = sha.digest();

    MerkleTree t = new MerkleTree();
    for (String s : List.of("a", "b", "c")) {
      t.appendEntry(s.getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(t.root().hex()).isEqualTo(HexFormat.of().formatHex(root));
    // leaf c's path is the single subtree [a, b]; leaf a's path is b, then c
    assertThat(t.proofs().inclusion(2, 3).path()).containsExactly(Sha256Hash.of(ab));
    assertThat(t.proofs().inclusion(0, 3).path()).containsExactly(Sha256Hash.of(lb), Sha256Hash.of(lc));
    // from 2 leaves to 3: the old root is the perfect subtree [a, b], so only c is needed
    assertThat(t.proofs().consistency(2, 3).path()).containsExactly(Sha256Hash.of(lc));
  }

  @Test
  void binNumbersFollowRfc7574() {
    assertThat(NodeAddress.leaf(0).binNumber()).isZero();
    assertThat(NodeAddress.leaf(1).binNumber()).isEqualTo(2);
    assertThat(new NodeAddress(1, 0).binNumber()).isEqualTo(1);
    assertThat(new NodeAddress(1, 1).binNumber()).isEqualTo(5);
    assertThat(new NodeAddress(2, 0).binNumber()).isEqualTo(3);
    assertThat(new NodeAddress(3, 2).binNumber()).isEqualTo(39);
    Random random = new Random(SEED);
    for (int i = 0; i < 1000; i++) {
      int level = random.nextInt(30);
      NodeAddress a = new NodeAddress(level, random.nextInt(1 << 20));
      assertThat(NodeAddress.fromBinNumber(a.binNumber())).isEqualTo(a);
    }
  }

  @Test
  void aMissingStoredSubtreeIsNamed() {
    MerkleTree full = tree(leaves(5));
    SubtreeHashes lossy =
        addresses -> {
          var m = new java.util.HashMap<>(full.read(addresses));
          m.remove(new NodeAddress(2, 0));
          return m;
        };
    assertThatThrownBy(() -> new ProofGenerator(lossy).root(5))
        .isInstanceOf(MissingNodeException.class)
        .hasMessageContaining("level 2, leaves 0..3");
  }

  @Test
  void rangesThatAreNotTreeSubtreesAreRefused() {
    assertThat(ProofPlans.rangeNodes(8, 13)).containsExactly(new NodeAddress(2, 2), NodeAddress.leaf(12));
    assertThatThrownBy(() -> ProofPlans.rangeNodes(2, 7)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProofPlans.inclusion(5, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProofPlans.consistency(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
