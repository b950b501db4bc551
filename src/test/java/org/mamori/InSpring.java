package org.mamori;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.AroundContainerHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.springframework.test.context.TestContextManager;

/**
 * Gives a jqwik property class annotated {@link MamoriTest} the shared Spring test context, as
 * Spring's own JUnit Jupiter extension does for {@code @Test} classes: jqwik is a JUnit Platform
 * engine of its own, which that extension does not reach. Same annotations, same cached context.
 * Use it with {@code @AddLifecycleHook(InSpring.class)} on the class.
 */
public final class InSpring implements AroundContainerHook, AroundPropertyHook {

  private static final Map<Class<?>, TestContextManager> MANAGERS = new ConcurrentHashMap<>();

  private static TestContextManager manager(Class<?> type) {
    return MANAGERS.computeIfAbsent(type, TestContextManager::new);
  }

  @Override
  public void beforeContainer(ContainerLifecycleContext context) {
    context
        .optionalContainerClass()
        .ifPresent(type -> unchecked(() -> manager(type).beforeTestClass()));
  }

  @Override
  public void afterContainer(ContainerLifecycleContext context) {
    context
        .optionalContainerClass()
        .ifPresent(
            type -> {
              unchecked(() -> manager(type).afterTestClass());
              MANAGERS.remove(type);
            });
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void unchecked(Step step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public PropagationMode propagateTo() {
    // added to the class, it must reach the class's properties
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
    Object test = context.testInstance();
    manager(context.containerClass()).prepareTestInstance(test);
    return property.execute();
  }
}
