package dev.flexkit.plugin;

import dev.flexkit.http.ClasspathAssets;
import dev.flexkit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The production Flex plugin bundle built into this jar, for self-hosting and the sandbox desktop.
 */
@Path("/plugin")
@Tag(name = "plugin")
public final class PluginBundleResource {
  public static final String BUNDLE = "plugin-flex-messaging-kit.js";
  private static final ClasspathAssets ASSETS = new ClasspathAssets("public/plugin/");

  @GET
  @Path("{file}")
  @Operation(summary = "A file of the production plugin build, e.g. " + BUNDLE)
  public Response file(@PathParam("file") String file, @Context Request request) {
    return ASSETS
        .serve(file, request)
        .orElseThrow(() -> new ApiException(404, "not_found", "No such file: " + file));
  }

  public static boolean bundlePresent() {
    return ASSETS.exists(BUNDLE);
  }
}
