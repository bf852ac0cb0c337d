package io.citybrain.grid.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Minimum-degree elimination order for a symmetric sparsity pattern (Tinney and Walker, "Direct
 * solutions of sparse network equations by optimally ordered triangular factorization", Proc.
 * IEEE 55(11), 1967, scheme 2). EJML's sparse LU has no fill-reducing ordering of its own, so the
 * power-flow matrices are permuted with this order before factorisation. Deterministic: ties are
 * broken by the lower index.
 */
public final class MinimumDegreeOrdering {
  private MinimumDegreeOrdering() {}

  /**
   * The elimination order of an undirected graph.
   *
   * @param adjacency {@code adjacency.get(i)} lists the neighbours of node {@code i} (0-based; self
   *     loops and duplicates are ignored)
   * @return {@code order[k]} = the node eliminated k-th; a permutation of 0..n-1
   */
  public static int[] order(List<? extends Iterable<Integer>> adjacency) {
    int n = adjacency.size();
    List<Set<Integer>> graph = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<Integer> set = new HashSet<>();
      for (int j : adjacency.get(i)) {
        if (j != i) {
          set.add(j);
        }
      }
      graph.add(set);
    }
    for (int i = 0; i < n; i++) { // make symmetric
      for (int j : new ArrayList<>(graph.get(i))) {
        graph.get(j).add(i);
      }
    }
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    int[] degree = new int[n];
    for (int i = 0; i < n; i++) {
      degree[i] = graph.get(i).size();
      queue.add(new long[] {degree[i], i});
    }
    boolean[] eliminated = new boolean[n];
    int[] order = new int[n];
    int k = 0;
    while (k < n) {
      long[] top = queue.poll();
      int v = (int) top[1];
      if (eliminated[v] || top[0] != degree[v]) {
        continue; // stale entry
      }
      eliminated[v] = true;
      order[k++] = v;
      Integer[] neighbours = graph.get(v).toArray(new Integer[0]);
      Arrays.sort(neighbours);
      for (int u : neighbours) {
        Set<Integer> adj = graph.get(u);
        adj.remove(v);
        for (int w : neighbours) {
          if (w != u) {
            adj.add(w);
          }
        }
        if (adj.size() != degree[u]) {
          degree[u] = adj.size();
          queue.add(new long[] {degree[u], u});
        }
      }
      graph.get(v).clear();
    }
    return order;
  }
}
