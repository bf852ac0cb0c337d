package io.citybrain.traffic.sim;

import java.util.Arrays;

/** A growable FIFO ring buffer of ints (vehicle slots waiting to enter a lane). */
final class IntQueue {
  private int[] items = new int[4];
  private int head;
  private int size;

  void add(int value) {
    if (size == items.length) {
      int[] grown = new int[items.length * 2];
      for (int k = 0; k < size; k++) {
        grown[k] = items[(head + k) % items.length];
      }
      items = grown;
      head = 0;
    }
    items[(head + size) % items.length] = value;
    size++;
  }

  int peek() {
    return items[head];
  }

  int poll() {
    int v = items[head];
    head = (head + 1) % items.length;
    size--;
    return v;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Slots allocated. */
  int capacity() {
    return items.length;
  }

  int get(int k) {
    return items[(head + k) % items.length];
  }

  /** Empties the queue and releases grown storage. */
  void clear() {
    items = new int[4];
    head = 0;
    size = 0;
  }

  @Override
  public String toString() {
    int[] a = new int[size];
    Arrays.setAll(a, this::get);
    return Arrays.toString(a);
  }
}
