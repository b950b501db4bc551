package org.mamori.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Channel;
import org.mamori.directory.EndpointType;
import org.mamori.directory.SharingDirection;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/** One arrow of the sharing map: who reports (or provides) to whom, how, and in which order. */
class SharingEdge {

  private final @Id UUID id;
  private final SharingDirection direction;
  private EndpointType fromType;
  private @Nullable UUID fromRef;
  private EndpointType toType;
  private @Nullable UUID toRef;
  private Channel channel;
  private int hopOrder;
  private boolean forwardAtOnce;
  private boolean emergency;
  private String noteJa;
  private String noteEn;
  private @Version @Nullable Long version;

  @PersistenceCreator
  SharingEdge(
      UUID id,
      SharingDirection direction,
      EndpointType fromType,
      @Nullable UUID fromRef,
      EndpointType toType,
      @Nullable UUID toRef,
      Channel channel,
      int hopOrder,
      boolean forwardAtOnce,
      boolean emergency,
      String noteJa,
      String noteEn,
      @Nullable Long version) {
    this.id = id;
    this.direction = direction;
    this.fromType = fromType;
    this.fromRef = fromRef;
    this.toType = toType;
    this.toRef = toRef;
    this.channel = channel;
    this.hopOrder = hopOrder;
    this.forwardAtOnce = forwardAtOnce;
    this.emergency = emergency;
    this.noteJa = noteJa;
    this.noteEn = noteEn;
    this.version = version;
  }

  static SharingEdge draw(SharingDirection direction, Endpoint from, Endpoint to, HopSettings how) {
    SharingEdge edge =
        new SharingEdge(
            UUID.randomUUID(),
            direction,
            from.type(),
            from.ref(),
            to.type(),
            to.ref(),
            Channel.MAMORI,
            1,
            false,
            false,
            "",
            "",
            null);
    edge.redraw(from, to, how);
    return edge;
  }

  void redraw(Endpoint from, Endpoint to, HopSettings how) {
    if (from.equals(to)) {
      throw new IllegalArgumentException("an edge must join two different ends");
    }
    this.fromType = from.type();
    this.fromRef = from.ref();
    this.toType = to.type();
    this.toRef = to.ref();
    this.channel = how.channel();
    this.hopOrder = how.order();
    this.forwardAtOnce = how.forwardAtOnce();
    this.emergency = how.emergency();
    this.noteJa = how.noteJa();
    this.noteEn = how.noteEn();
  }

  UUID id() {
    return id;
  }

  SharingDirection direction() {
    return direction;
  }

  Endpoint from() {
    return new Endpoint(fromType, fromRef);
  }

  Endpoint to() {
    return new Endpoint(toType, toRef);
  }

  HopSettings settings() {
    return new HopSettings(channel, hopOrder, forwardAtOnce, emergency, noteJa, noteEn);
  }

  /** One end of an edge: an organisation, or a group of operators. */
  record Endpoint(EndpointType type, @Nullable UUID ref) {
    Endpoint {
      if ((type == EndpointType.ALL_OPERATORS) != (ref == null)) {
        throw new IllegalArgumentException(type + " needs " + (ref == null ? "a" : "no") + " ref");
      }
    }
  }

  /** How a hop is made. */
  record HopSettings(
      Channel channel,
      int order,
      boolean forwardAtOnce,
      boolean emergency,
      String noteJa,
      String noteEn) {
    HopSettings {
      if (order < 1 || order > 99) {
        throw new IllegalArgumentException("order must be between 1 and 99");
      }
    }
  }
}
