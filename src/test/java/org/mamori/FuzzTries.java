package org.mamori;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How long the jqwik fuzz properties run (README "Fuzz tests"). Each property names a small number
 * of tries, so that all of them together take seconds in {@code mvn verify}; {@code
 * -Dmamori.fuzz.scale=100} runs a hundred times as many, and {@code -Dmamori.fuzz.seed=<seed>}
 * replays the seed a failure reported. Registered for every property in
 * META-INF/services/net.jqwik.api.lifecycle.LifecycleHook.
 */
public final class FuzzTries implements AroundPropertyHook {

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    int scale = Math.max(1, Integer.getInteger("mamori.fuzz.scale", 1));
    context.attributes().tries().ifPresent(tries -> context.attributes().setTries(tries * scale));
    String seed = System.getProperty("mamori.fuzz.seed", "");
    if (!seed.isBlank()) {
      context.attributes().setSeed(seed.strip());
    }
    return property.execute();
  }

  @Override
  public PropagationMode propagateTo() {
    // registered once for the engine, it must reach every property below
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public int aroundPropertyProximity() {
    // outside every other hook, so the tries are set before anything reads them
    return -100;
  }
}
