package dev.flexkit.sandbox;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.flexkit.sandbox.content.ContentResource;
import dev.flexkit.sandbox.conversations.ConversationWithParticipantsResource;
import dev.flexkit.sandbox.conversations.ConversationsResource;
import dev.flexkit.sandbox.conversations.FlexChatServiceResource;
import dev.flexkit.sandbox.conversations.MessagesResource;
import dev.flexkit.sandbox.conversations.ParticipantConversationsResource;
import dev.flexkit.sandbox.conversations.ParticipantsResource;
import dev.flexkit.sandbox.conversations.ScopedServiceWebhooksResource;
import dev.flexkit.sandbox.conversations.ScopedWebhooksResource;
import dev.flexkit.sandbox.conversations.ServiceWebhooksResource;
import dev.flexkit.sandbox.iam.IamTokensResource;
import dev.flexkit.sandbox.wire.TwilioExceptionMappers;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Twilio REST emulator, a JAX-RS application of its own mounted at {@code /twilio/*}, so that
 * inside it every answer, errors included, is in Twilio's shape and never in ours. Resources are
 * addressed as Twilio addresses them, prefixed with the product: {@code /conversations/v1/…}.
 */
final class TwilioEmulatorApplication {
  private TwilioEmulatorApplication() {}

  static ResourceConfig create(SandboxWorld world) {
    ResourceConfig app = new ResourceConfig();
    app.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    app.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    app.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    app.register(new JacksonJsonProvider());
    app.register(TwilioExceptionMappers.Known.class);
    app.register(TwilioExceptionMappers.Routing.class);
    app.register(TwilioExceptionMappers.Unexpected.class);
    app.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(world).to(SandboxWorld.class);
          }
        });
    // Products register their resources here, one line each.
    app.register(new ConversationsResource(world.conversations(), world.account()));
    app.register(new ConversationWithParticipantsResource(world.conversations(), world.account()));
    app.register(new ParticipantsResource(world.conversations(), world.account()));
    app.register(new MessagesResource(world.conversations(), world.account()));
    app.register(new ScopedWebhooksResource(world.conversations(), world.account()));
    app.register(new ServiceWebhooksResource(world.conversations(), world.account()));
    app.register(new ScopedServiceWebhooksResource(world.conversations(), world.account()));
    app.register(new ParticipantConversationsResource(world.conversations(), world.account()));
    app.register(new FlexChatServiceResource(world.account(), world.clock().instant()));
    app.register(new ContentResource(world.content(), world.account()));
    app.register(new IamTokensResource(world.account(), world.tokens()));
    app.register(dev.flexkit.sandbox.taskrouter.WorkspaceResource.class);
    app.register(dev.flexkit.sandbox.taskrouter.WorkflowResource.class);
    app.register(dev.flexkit.sandbox.taskrouter.TaskQueueResource.class);
    app.register(dev.flexkit.sandbox.taskrouter.WorkerResource.class);
    app.register(dev.flexkit.sandbox.taskrouter.TaskResource.class);
    app.register(dev.flexkit.sandbox.flex.InteractionResource.class);
    app.register(dev.flexkit.sandbox.flex.ConfigurationResource.class);
    return app;
  }
}
