package io.citybrain.platform.runs;

/** Every worker is busy and the queue is full; the HTTP API answers 429 with Retry-After. */
public final class QueueFullException extends RuntimeException {
  /**
   * @param workers worker threads
   * @param queueCapacity queued runs allowed beyond those running
   */
  public QueueFullException(int workers, int queueCapacity) {
    super("the run queue is full (" + workers + " running, " + queueCapacity + " queued); try again when a run finishes");
  }
}
