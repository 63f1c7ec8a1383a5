/**
 * App settings that App Service itself reads, not the server. infra/main.bicep may set these and nothing else
 * beyond config.ts's SETTINGS; each says why it is there, so "the Bicep sets nothing the server ignores" stays true
 * in spirit: these are read, by the platform.
 */
export const AZURE_PLATFORM_SETTINGS: Record<string, string> = {
  // App Service's Node.js agent sends requests, dependencies and exceptions to Application Insights without an SDK
  // in the product; it needs the resource's connection string and the agent switched on ("~3" on Linux).
  APPLICATIONINSIGHTS_CONNECTION_STRING: "Application Insights auto-instrumentation: where to send telemetry",
  ApplicationInsightsAgent_EXTENSION_VERSION: "Application Insights auto-instrumentation: switch the agent on",
  // The deployment is the built package (npm run build output + node_modules); no build on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: "Oryx must not rebuild the deployed package (better-sqlite3 is prebuilt)",
};
