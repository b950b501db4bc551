package org.mamori.exchange.internal.publish;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What {@code @ApplicationModuleListener} is (after commit, in a transaction of its own, kept in
 * the event publication registry until done), on publishing's own threads: every forward and relay
 * publishes again, and that work must not queue ahead of the notices people are waiting for.
 */
@Async(PublicationThreads.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface PublicationListener {}
