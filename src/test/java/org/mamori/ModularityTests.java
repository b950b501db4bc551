package org.mamori;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest: no cycles, no reaching into another module's internals. */
class ModularityTests {

  /** Reading the classes is the slow part: once for both tests, not once for each. */
  private static final ApplicationModules modules = ApplicationModules.of(MamoriApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
