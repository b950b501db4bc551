package org.mamori.notify.internal;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** People's notification preferences, by person id. */
interface PreferenceSets extends CrudRepository<PreferenceSet, UUID> {}
