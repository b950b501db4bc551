package org.mamori.notify.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browsers of signed-in people on this node, listening at {@code /notifications/stream}. A new
 * notice reaches them through {@link NotificationSignals} (whichever node created it); each stream
 * first receives the unread count, then an event per new notice, worded in the browser's language.
 */
@Component
class LiveNotifications implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(15);
  private static final long RECONNECT_MILLIS = 5_000;

  /** The {@code unread} event: how many notices the person has not read. */
  record Unread(long unread) {}

  /**
   * The {@code notification} event.
   *
   * @param text the headline, and the item's reference and title when the reader may read it
   * @param url where to read it, or null
   */
  record NewNotice(long unread, String text, @Nullable String url, boolean urgent) {}

  private record Listener(SseEmitter stream, Locale locale) {}

  private final Map<PersonId, Set<Listener>> listeners = new ConcurrentHashMap<>();
  private final Inbox inbox;
  private final NotificationViews views;
  private volatile boolean running;

  LiveNotifications(Inbox inbox, NotificationViews views) {
    this.inbox = inbox;
    this.views = views;
  }

  /** A stream for one browser of the person, starting with their unread count. */
  SseEmitter open(PersonId person, Locale locale) {
    SseEmitter stream = new SseEmitter(STREAM_LIFETIME.toMillis());
    Listener listener = new Listener(stream, locale);
    listeners.computeIfAbsent(person, p -> ConcurrentHashMap.newKeySet()).add(listener);
    Runnable forget = () -> forget(person, listener);
    stream.onCompletion(forget);
    stream.onTimeout(stream::complete);
    stream.onError(failure -> forget.run());
    send(
        person,
        listener,
        SseEmitter.event()
            .name("unread")
            .reconnectTime(RECONNECT_MILLIS)
            .data(new Unread(inbox.unread(person)), MediaType.APPLICATION_JSON));
    return stream;
  }

  /** A notice was created (on any node): tell its recipient's browsers here, if any. */
  void created(UUID notification) {
    inbox
        .find(notification)
        .ifPresent(
            found -> {
              Set<Listener> open = listeners.get(found.recipient());
              if (open == null || open.isEmpty()) {
                return;
              }
              long unread = inbox.unread(found.recipient());
              for (Listener listener : open) {
                NotificationViews.NotificationView view = views.of(found, listener.locale());
                String text =
                    view.readable()
                        ? view.headline() + ": " + view.reference() + " " + view.title()
                        : view.headline();
                send(
                    found.recipient(),
                    listener,
                    SseEmitter.event()
                        .name("notification")
                        .id(found.id().toString())
                        .data(
                            new NewNotice(unread, text, view.path(), found.urgent()),
                            MediaType.APPLICATION_JSON));
              }
            });
  }

  /** A comment now and then keeps proxies from closing quiet streams and finds closed ones. */
  @Scheduled(fixedDelayString = "PT25S", initialDelayString = "PT25S")
  void keepAlive() {
    listeners.forEach(
        (person, open) ->
            open.forEach(
                listener -> send(person, listener, SseEmitter.event().comment("keep-alive"))));
  }

  private void send(PersonId person, Listener listener, SseEmitter.SseEventBuilder event) {
    try {
      listener.stream().send(event);
    } catch (IOException | IllegalStateException gone) {
      log.debug("A notification stream closed: {}", gone.getMessage());
      forget(person, listener);
    }
  }

  private void forget(PersonId person, Listener listener) {
    listeners.computeIfPresent(
        person,
        (p, open) -> {
          open.remove(listener);
          return open.isEmpty() ? null : open;
        });
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every stream first, so a graceful shutdown does not wait for them. */
  @Override
  public void stop() {
    running = false;
    listeners.values().forEach(open -> open.forEach(listener -> listener.stream().complete()));
    listeners.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
