package org.mamori.notify.internal;

import org.mamori.directory.Directory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The bell in every page's menu ({@code ${@notificationBell.unread()}}): how many notices the
 * signed-in person has not read. The layout asks only for signed-in people; a signed-in person's
 * name is their e-mail address.
 */
@Component("notificationBell")
class NotificationBell {

  private final Directory directory;
  private final Inbox inbox;

  NotificationBell(Directory directory, Inbox inbox) {
    this.directory = directory;
    this.inbox = inbox;
  }

  public long unread() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null
        || !signedIn.isAuthenticated()
        || signedIn instanceof AnonymousAuthenticationToken) {
      return 0;
    }
    return directory.personByEmail(signedIn.getName()).map(p -> inbox.unread(p.id())).orElse(0L);
  }
}
