package dev.flexkit.capability;

import dev.flexkit.config.AppConfig;
import dev.flexkit.config.FlexSettings;
import dev.flexkit.store.Database;
import dev.flexkit.twilio.TwilioGateway;
import java.time.Clock;

/**
 * What the capabilities share. {@code twilio} and {@code clock} are whichever Twilio the app points
 * at (real Twilio, or an emulator with its own time); no capability can tell which.
 */
public record KitServices(
    AppConfig config, TwilioGateway twilio, FlexSettings flex, Database database, Clock clock) {}
