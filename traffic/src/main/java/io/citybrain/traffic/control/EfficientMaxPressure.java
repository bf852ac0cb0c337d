package io.citybrain.traffic.control;

import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.algorithm.ParameterSpec;
import java.util.List;

/**
 * Efficient max-pressure, Efficient-MP (Wu, Zhang, et al., "Efficient pressure: improving
 * efficiency for signalized intersections", arXiv 2112.02336, 2021; as coded in
 * LiangZhang1996/Efficient_XLight): {@link MaxPressure} whose movement pressure is the queue
 * (vehicles slower than 0.1 m/s) on the incoming lane minus the <em>mean</em> queue of the lanes
 * the movement feeds. The same mechanism as {@code max-pressure} with {@code pressureCount=1,
 * downstream=2} as defaults; a separate name because the papers report it as its own baseline.
 */
public final class EfficientMaxPressure implements SignalControllerProvider {

  @Override
  public String name() {
    return "efficient-mp";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public String description() {
    return "queue pressure with the mean downstream queue (Efficient-MP, Wu et al. 2021)";
  }

  @Override
  public String source() {
    return "Wu, Zhang et al., Efficient pressure: improving efficiency for signalized intersections, arXiv 2112.02336, 2021";
  }

  /** Its own class and the helpers its decisions depend on. */
  @Override
  public List<Class<?>> codeClasses() {
    return List.of(EfficientMaxPressure.class, MaxPressure.class, EmergencyPreemption.class);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return MaxPressure.parameters(1, 2);
  }

  @Override
  public SignalController create(ParameterValues parameters) {
    return MaxPressure.build(parameters);
  }
}
