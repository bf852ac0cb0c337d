package io.citybrain.live.flink;

import io.citybrain.live.stream.KeyedOperator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The thin Flink adapter of any {@link KeyedOperator}: its per-key state in Flink keyed state
 * (checkpointed), its timer as an event-time timer. All logic stays in the operator, which the
 * embedded runner calls too.
 *
 * @param <I> input
 * @param <S> state (a Flink POJO)
 * @param <O> output
 */
public final class FlinkKeyedAdapter<I, S, O> extends KeyedProcessFunction<String, I, O> {
  private static final long serialVersionUID = 1L;

  private final KeyedOperator<I, S, O> operator;
  private transient ValueState<S> state;
  private transient ValueState<Long> timer;

  public FlinkKeyedAdapter(KeyedOperator<I, S, O> operator) {
    this.operator = operator;
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("operator-state", operator.stateClass()));
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("operator-timer", Long.class));
  }

  @Override
  public void processElement(I element, Context ctx, Collector<O> out) throws Exception {
    S s = state.value();
    if (s == null) {
      s = operator.newState();
    }
    operator.onElement(s, element, out::collect);
    schedule(s, ctx.timerService());
    state.update(s);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    S s = state.value();
    if (s == null) {
      return;
    }
    timer.clear();
    operator.onTimer(s, timestamp, out::collect);
    schedule(s, ctx.timerService());
    state.update(s);
  }

  private void schedule(S s, org.apache.flink.streaming.api.TimerService timers) throws Exception {
    long at = operator.timerAt(s);
    Long current = timer.value();
    if (at != Long.MIN_VALUE && (current == null || current != at)) {
      timers.registerEventTimeTimer(at);
      timer.update(at);
    }
  }
}
