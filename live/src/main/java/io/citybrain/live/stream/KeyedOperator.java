package io.citybrain.live.stream;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A keyed streaming operator as plain Java with explicit state: what an engine adapter needs to
 * run it. The embedded runner keeps one state per key in a map; the Flink adapter keeps it in keyed
 * state ({@code ValueState}) and turns {@link #timerAt} into an event-time timer. The state class
 * must be a Flink POJO (public, public no-argument constructor, public fields or bean properties)
 * so that Flink serialises it without Kryo.
 *
 * @param <I> input element
 * @param <S> state per key
 * @param <O> output element
 */
public interface KeyedOperator<I, S, O> extends Serializable {

  /** The state's class (for the engine's serializer). */
  Class<S> stateClass();

  /** A fresh state for a new key. */
  S newState();

  /** The key of an element. */
  String keyOf(I element);

  /** The element's event time, ms since the epoch. */
  long timestampOf(I element);

  /** Takes one element of the key whose state is {@code state}. */
  void onElement(S state, I element, Consumer<O> out);

  /**
   * When the operator wants {@link #onTimer} called for this key (event time, ms), or {@link
   * Long#MIN_VALUE} for never. Asked after each element.
   */
  long timerAt(S state);

  /** Event time has passed {@code timestamp} (or the input ended: {@link Long#MAX_VALUE}). */
  void onTimer(S state, long timestamp, Consumer<O> out);
}
