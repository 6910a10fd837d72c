package dev.flexkit.inactivity;

import dev.flexkit.config.DatabaseSettings;

class InactivityTimersOnH2Test extends InactivityTimersContract {
  @Override
  protected DatabaseSettings settings() {
    return new DatabaseSettings(
        "jdbc:h2:mem:timers;DB_CLOSE_DELAY=-1", "sa", "", DatabaseSettings.Vendor.H2);
  }
}
