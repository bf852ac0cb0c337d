package io.citybrain.governance.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference tree of 8 leaves from the Certificate Transparency test suite (restated in
 * transparency-dev/merkle {@code testonly/constants.go}): its published roots for every size and
 * the hashes of its perfect subtrees.
 */
class ReferenceTreeTest {
  static final List<String> LEAF_INPUTS =
      List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

  /** Roots of the trees of the first 0, 1, ..., 8 leaves. */
  static final List<String> ROOTS =
      List.of(
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /** Hashes of the perfect subtrees by level, then index. */
  static final List<List<String>> NODES =
      List.of(
          List.of(
              "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
              "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
              "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
              "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
              "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
              "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
              "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
              "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
          List.of(
              "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
              "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
              "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
              "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
          List.of(
              "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
              "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
          List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

  static MerkleTree referenceTree() {
    MerkleTree tree = new MerkleTree();
    LEAF_INPUTS.forEach(hex -> tree.appendEntry(HexFormat.of().parseHex(hex)));
    return tree;
  }

  @Test
  void rootsOfEveryPrefixMatchThePublishedOnes() {
    MerkleTree tree = new MerkleTree();
    assertThat(tree.root().hex()).isEqualTo(ROOTS.get(0));
    for (int n = 1; n <= 8; n++) {
      tree.appendEntry(HexFormat.of().parseHex(LEAF_INPUTS.get(n - 1)));
      assertThat(tree.root().hex()).as("root of %d leaves (frontier)", n).isEqualTo(ROOTS.get(n));
    }
    for (int n = 0; n <= 8; n++) {
      assertThat(tree.proofs().root(n).hex()).as("root of %d leaves (from stored subtrees)", n).isEqualTo(ROOTS.get(n));
    }
  }

  @Test
  void everyPerfectSubtreeIsStoredWithThePublishedHash() {
    MerkleTree tree = referenceTree();
    for (int level = 0; level < NODES.size(); level++) {
      for (int index = 0; index < NODES.get(level).size(); index++) {
        NodeAddress a = new NodeAddress(level, index);
        assertThat(tree.read(List.of(a)).get(a)).as("%s", a).isEqualTo(Sha256Hash.fromHex(NODES.get(level).get(index)));
      }
    }
  }

  @Test
  void everyInclusionAndConsistencyProofOfTheReferenceTreeVerifies() throws ProofException {
    MerkleTree tree = referenceTree();
    for (int n = 1; n <= 8; n++) {
      Sha256Hash root = Sha256Hash.fromHex(ROOTS.get(n));
      for (int i = 0; i < n; i++) {
        InclusionProof p = tree.proofs().inclusion(i, n);
        p.verify(tree.leafHash(i), root);
        assertThat(p.path()).hasSize(inclusionPathLength(i, n));
      }
      for (int m = 1; m <= n; m++) {
        tree.proofs().consistency(m, n).verify(Sha256Hash.fromHex(ROOTS.get(m)), root);
      }
    }
  }

  /** The proof of leaf 0 in the tree of 8: its sibling leaf, then the subtrees [2, 4) and [4, 8). */
  @Test
  void theAuditPathOfLeafZeroIsItsSiblingsBottomUp() {
    InclusionProof p = referenceTree().proofs().inclusion(0, 8);
    assertThat(p.path()).extracting(Sha256Hash::hex).containsExactly(NODES.get(0).get(1), NODES.get(1).get(1), NODES.get(2).get(1));
  }

  @Test
  void aProofForTheWrongLeafOrRootIsRejected() {
    MerkleTree tree = referenceTree();
    InclusionProof p = tree.proofs().inclusion(3, 8);
    Sha256Hash root = Sha256Hash.fromHex(ROOTS.get(8));
    assertThatThrownBy(() -> p.verify(tree.leafHash(4), root)).isInstanceOf(ProofException.class).hasMessageContaining("leaf 3");
    assertThatThrownBy(() -> p.verify(tree.leafHash(3), Sha256Hash.fromHex(ROOTS.get(7)))).isInstanceOf(ProofException.class);
    ConsistencyProof c = tree.proofs().consistency(3, 8);
    assertThatThrownBy(() -> c.verify(Sha256Hash.fromHex(ROOTS.get(4)), root))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("old root");
  }

  /** ceil(log2 n) for the rightmost leaves of unbalanced trees is less; count it from the definition. */
  private static int inclusionPathLength(long i, long n) {
    if (n == 1) {
      return 0;
    }
    long k = Long.highestOneBit(n - 1);
    return 1 + (i < k ? inclusionPathLength(i, k) : inclusionPathLength(i - k, n - k));
  }
}
