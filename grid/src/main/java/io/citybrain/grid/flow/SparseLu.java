package io.citybrain.grid.flow;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Solves square sparse systems {@code A x = b} with EJML's sparse LU ({@code
 * LinearSolverFactory_DSCC.lu}, left-looking with partial pivoting). Callers number unknowns in a
 * fill-reducing order (see {@link MinimumDegreeOrdering}) before adding entries.
 *
 * <p>Not thread-safe; one instance per solve loop. The symbolic structure is kept between
 * factorisations of matrices with the same pattern (Newton iterations).
 */
public final class SparseLu {
  private final int size;
  private LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver =
      LinearSolverFactory_DSCC.lu(FillReducing.NONE);
  private final DMatrixSparseTriplet triplet;
  private final DMatrixSparseCSC matrix;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj solution;

  /**
   * @param size number of rows and columns, at least 1
   * @param expectedNonZeros capacity hint
   */
  SparseLu(int size, int expectedNonZeros) {
    this.size = size;
    this.triplet = new DMatrixSparseTriplet(size, size, expectedNonZeros);
    this.matrix = new DMatrixSparseCSC(size, size, expectedNonZeros);
    this.rhs = new DMatrixRMaj(size, 1);
    this.solution = new DMatrixRMaj(size, 1);
  }

  /** Starts a new matrix with the same size. */
  void clear() {
    triplet.reshape(size, size);
  }

  /** Adds {@code value} at (row, column); entries given twice are summed on conversion. */
  void add(int row, int column, double value) {
    triplet.addItem(row, column, value);
  }

  /**
   * Factorises a symmetric matrix built so far with sparse Cholesky (no pivoting, so the
   * caller's ordering is kept and fill stays low), falling back to LU if it is not positive
   * definite (e.g. series capacitors with negative reactance).
   *
   * @return false if the matrix is singular
   */
  boolean factorSymmetric() {
    DConvertMatrixStruct.convert(triplet, matrix);
    matrix.sortIndices(null);
    CommonOps_DSCC.duplicatesAdd(matrix, null);
    LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> cholesky = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
    if (cholesky.setA(matrix.copy())) {
      solver = cholesky;
      return true;
    }
    solver = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
    return solver.setA(matrix);
  }

  /**
   * Factorises the matrix built so far with LU.
   *
   * @return false if EJML finds it singular
   */
  boolean factor() {
    DConvertMatrixStruct.convert(triplet, matrix);
    matrix.sortIndices(null);
    CommonOps_DSCC.duplicatesAdd(matrix, null);
    return solver.setA(matrix);
  }

  /**
   * Solves with the last factorised matrix.
   *
   * @param b right-hand side, length {@code size}
   * @return x, a new array
   */
  double[] solve(double[] b) {
    System.arraycopy(b, 0, rhs.data, 0, size);
    solver.solve(rhs, solution);
    return solution.data.clone();
  }
}
