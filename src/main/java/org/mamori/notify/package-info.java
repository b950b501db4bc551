/**
 * Notifications: tells the people (and, by signed webhooks, the systems) of the organisations
 * concerned when a report or advisory reaches them, in Mamori (live), by e-mail and by webhook;
 * and, the same ways, the people concerned when a situation opens, changes level or closes, or
 * their organisation joins its response. Listens to the sharing module's events through the event
 * publication registry, so a restart delays a notification and never loses it; asks the sharing
 * module, for every reader and on every channel, what it may be told.
 */
@NullMarked
@ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"shared", "directory", "access", "platform", "sharing", "situation"})
package org.mamori.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
