package dev.flexkit.capability;

import dev.flexkit.health.HealthCheck;
import dev.flexkit.health.RetriedStartupStep;
import dev.flexkit.http.ServletMount;
import dev.flexkit.webhooks.ConversationEvent;
import dev.flexkit.webhooks.TaskRouterEvent;
import dev.flexkit.webhooks.TwilioEventBus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.glassfish.jersey.internal.inject.AbstractBinder;

/**
 * What the capabilities add to the service, collected in the order they were listed, so the
 * composition root can build the HTTP application and the lifecycle from it in one place.
 */
public final class Contributions {
  private record Binding<T>(T instance, Class<? super T> type) {
    void into(AbstractBinder binder) {
      binder.bind(instance).to(type);
    }
  }

  private final TwilioEventBus events;
  private final Set<Class<?>> resources = new LinkedHashSet<>();
  private final List<Object> providers = new ArrayList<>();
  private final List<Binding<?>> bindings = new ArrayList<>();
  private final List<HealthCheck> healthChecks = new ArrayList<>();
  private final List<ServletMount> mounts = new ArrayList<>();
  private final List<Runnable> whenReady = new ArrayList<>();
  private final List<Consumer<StartedService>> whenStarted = new ArrayList<>();
  private final List<Runnable> clockJumps = new ArrayList<>();
  private final List<Runnable> stopping = new ArrayList<>();
  private final List<Runnable> stopped = new ArrayList<>();
  private final Map<String, String> links = new LinkedHashMap<>();

  public Contributions(TwilioEventBus events) {
    this.events = events;
  }

  /** JAX-RS resource classes, built by Jersey with the bindings injected. */
  public Contributions resources(Class<?>... classes) {
    Collections.addAll(resources, classes);
    return this;
  }

  public Contributions resources(Set<Class<?>> classes) {
    resources.addAll(classes);
    return this;
  }

  /** JAX-RS providers (filters, exception mappers): a class or an instance. */
  public Contributions provider(Object classOrInstance) {
    providers.add(classOrInstance);
    return this;
  }

  /** Makes {@code instance} injectable as {@code type} into resources and providers. */
  public <T> Contributions bind(T instance, Class<? super T> type) {
    bindings.add(new Binding<>(instance, type));
    return this;
  }

  /** Where stored webhooks are published to the listeners. */
  public TwilioEventBus events() {
    return events;
  }

  public Contributions onConversationEvent(Consumer<ConversationEvent> listener) {
    events.onConversationEvent(listener);
    return this;
  }

  public Contributions onTaskRouterEvent(Consumer<TaskRouterEvent> listener) {
    events.onTaskRouterEvent(listener);
    return this;
  }

  public Contributions healthCheck(HealthCheck check) {
    healthChecks.add(check);
    return this;
  }

  /** A servlet beside Jersey, under its own path. */
  public Contributions mount(ServletMount mount) {
    mounts.add(mount);
    return this;
  }

  /** A link the signpost at {@code /} shows, e.g. {@code agentDesktop → /sandbox/}. */
  public Contributions link(String name, String path) {
    links.put(name, path);
    return this;
  }

  /** Runs once the server listens, before start-up returns; a failure stops the service. */
  public Contributions whenReady(Runnable step) {
    whenReady.add(step);
    return this;
  }

  /** Runs once the service is ready, with the addresses it is known by. */
  /**
   * A set-up step the service needs before it is ready (e.g. a Twilio resource it makes): run once
   * the service listens, retried every 30 s until it works; until then {@code /health} reports
   * {@code name} as {@code pending}, after that as {@code done}.
   */
  public Contributions startupStep(
      String name, String pending, Consumer<StartedService> step, String done) {
    RetriedStartupStep check = new RetriedStartupStep(name, pending);
    return healthCheck(check).whenStarted(started -> check.run(() -> step.accept(started), done));
  }

  public Contributions whenStarted(Consumer<StartedService> step) {
    whenStarted.add(step);
    return this;
  }

  /** Runs when the time the service follows jumps forward, before the jump is acknowledged. */
  public Contributions onClockJump(Runnable hook) {
    clockJumps.add(hook);
    return this;
  }

  /** Runs when the server starts stopping, before requests drain: stop background work here. */
  public Contributions onStopping(Runnable step) {
    stopping.add(step);
    return this;
  }

  /** Runs after the server stopped: close what requests used (the store, the emulator). */
  public Contributions onStopped(Runnable step) {
    stopped.add(step);
    return this;
  }

  public Set<Class<?>> resources() {
    return Collections.unmodifiableSet(resources);
  }

  public List<Object> providers() {
    return List.copyOf(providers);
  }

  public Map<String, String> links() {
    return Collections.unmodifiableMap(links);
  }

  public List<HealthCheck> healthChecks() {
    return List.copyOf(healthChecks);
  }

  public List<ServletMount> mounts() {
    return List.copyOf(mounts);
  }

  public List<Runnable> whenReady() {
    return List.copyOf(whenReady);
  }

  public List<Consumer<StartedService>> whenStarted() {
    return List.copyOf(whenStarted);
  }

  public List<Runnable> clockJumps() {
    return List.copyOf(clockJumps);
  }

  public List<Runnable> stopping() {
    return List.copyOf(stopping);
  }

  public List<Runnable> stopped() {
    return List.copyOf(stopped);
  }

  /** Every binding, as one HK2 binder. */
  public AbstractBinder binder() {
    List<Binding<?>> all = List.copyOf(bindings);
    return new AbstractBinder() {
      @Override
      protected void configure() {
        all.forEach(b -> b.into(this));
      }
    };
  }
}
