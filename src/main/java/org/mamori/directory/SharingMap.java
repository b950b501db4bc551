package org.mamori.directory;

import java.util.List;
import org.mamori.shared.OrganisationId;

/** The sharing map (情報共有体制) read as routes: who hears what, from whom, in what order. */
public interface SharingMap {

  /**
   * Every hop a report or advisory from the sender makes, breadth first: each organisation appears
   * once, at the first step it is reached. Groups (a sector's operators, a CEPTOAR's members) are
   * resolved to today's organisations.
   */
  List<RouteHop> routeFrom(OrganisationId sender, SharingDirection direction);

  /** The organisations the holder passes an item to next, in hop order. */
  List<RouteHop> nextHops(OrganisationId holder, SharingDirection direction);
}
