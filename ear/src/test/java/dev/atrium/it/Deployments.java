package dev.atrium.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR this build produced, exactly as an admin would deploy it. */
final class Deployments {
  private Deployments() {}

  static EnterpriseArchive atriumEar() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
        new File(System.getProperty("atrium.it.ear", "target/atrium.ear")));
  }
}
