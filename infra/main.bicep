// Redress on Azure: App Service (Linux, Node 22 LTS), PostgreSQL Flexible Server, Key Vault (secrets by reference)
// and Application Insights. Deploy with:
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.parameters.json \
//     -p postgresAdminPassword=<...> workflowWebhookUrl=<...> clientCredential=<...>
// Every app setting below is one the server reads (src/server/config/config.ts SETTINGS) or one App Service reads
// (src/server/config/azure-platform-settings.ts); test/unit/infra/bicep-settings.test.ts holds the two together.

targetScope = 'resourceGroup'

@description('Azure region; UK South keeps complainants\' data in the UK.')
param location string = 'uksouth'

@description('Short name used in every resource name, e.g. "redress".')
@minLength(3)
@maxLength(12)
param namePrefix string = 'redress'

@description('The address people use, e.g. https://complaints.cmsvoc.co.uk (links in letters and cards).')
param publicUrl string

@description('Entra tenant id (GUID).')
param tenantId string

@description('The Redress app registration\'s client id (written by npm run setup).')
param clientId string

@description('Application ID URI of the Redress API, e.g. api://complaints.cmsvoc.co.uk/<client id>.')
param apiAppIdUri string

@description('Tenants whose people may sign in (comma-separated); empty means tenantId only.')
param allowedTenantIds string = ''

@description('The complaints SharePoint site id and its document library (drive) id, from npm run setup.')
param siteId string
param driveId string

@description('The board\'s team and channel ids (optional: used to look for an earlier post before a retry).')
param teamId string = ''
param channelId string = ''

@description('The shared mailbox letters are sent from.')
param sharedMailbox string

@description('The Teams app id (manifest/ids.json appId).')
param teamsAppId string

@description('certificate (preferred) or secret: how Redress proves itself to Entra ID.')
@allowed([
  'certificate'
  'secret'
])
param credentialKind string = 'certificate'

@description('The client secret, or the certificate\'s PEM private key; stored in Key Vault only.')
@secure()
param clientCredential string

@description('SHA-256 thumbprint of the certificate (hex); ignored for a secret.')
param clientCertificateThumbprintSha256 string = ''

@description('The Teams Workflows webhook URL of the board channel; it carries its signature, so Key Vault only.')
@secure()
param workflowWebhookUrl string

@description('PostgreSQL administrator login and password (the password goes only into Key Vault).')
param postgresAdminLogin string = 'redressadmin'
@secure()
param postgresAdminPassword string

@description('App Service plan size: B1 is enough for one small organisation; P0v3 for zone redundancy.')
param appServiceSku string = 'B1'

@description('PostgreSQL compute: Burstable B1ms suits a few hundred cases a year.')
param postgresSku string = 'Standard_B1ms'
param postgresTier string = 'Burstable'

@description('Connections per instance in the PostgreSQL pool (B1ms allows about 50 in all).')
param databasePoolSize int = 10

@description('Log level of the server: info in normal running, debug only while tracing a fault.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
])
param logLevel string = 'info'

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-${suffix}'
var vaultName = take('${namePrefix}kv${suffix}', 24)
var postgresName = '${namePrefix}-pg-${suffix}'
var databaseName = 'redress'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    // The server logs no personal data; keep IP addresses out of telemetry too.
    DisableIpMasking: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: postgresName
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
    authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// 0.0.0.0 is Azure's "allow Azure services" rule: the App Service reaches the server; the internet does not.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

resource clientCredentialSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: credentialKind == 'certificate' ? 'client-certificate-private-key' : 'client-secret'
  properties: { value: clientCredential }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'workflow-webhook-url'
  properties: { value: workflowWebhookUrl }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      // Node 22 LTS; the code also runs on Node 20.
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Liveness: App Service replaces an instance that stops answering /healthz. /readyz is for deployments.
      healthCheckPath: '/healthz'
    }
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// Secrets by reference: App Service resolves them with its managed identity; the values never sit in app settings.
var settings = {
  NODE_ENV: 'production'
  HOST: '0.0.0.0'
  PUBLIC_URL: publicUrl
  // /home is App Service's persistent storage: temporary intake files and the document cache survive a restart.
  DATA_DIR: '/home/data'
  INTAKE_MAX_BYTES: '157286400'
  DOCUMENT_MAX_BYTES: '157286400'
  LOG_LEVEL: logLevel
  OUTBOX_POLL_MS: '2000'
  OUTBOX_DEAD_AFTER_HOURS: '168'
  OUTBOX_UNKNOWN_OUTCOME_WAIT_MS: '120000'
  DATABASE_URL: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=database-url)'
  DATABASE_POOL_SIZE: string(databasePoolSize)
  // A dead instance's outbox jobs are taken over this long after its last renewal (plus the unknown-outcome wait).
  OUTBOX_LEASE_SECONDS: '60'
  // App Service waits 30 s after SIGTERM before it kills the process; finish within that.
  SHUTDOWN_GRACE_MS: '25000'
  // The public complaint form: complaints per visitor address per hour; the fewest seconds a person takes to fill it.
  PUBLIC_FORM_PER_HOUR: '10'
  PUBLIC_FORM_MIN_FILL_SECONDS: '5'
  TENANT_ID: tenantId
  CLIENT_ID: clientId
  API_APP_ID_URI: apiAppIdUri
  ALLOWED_TENANT_IDS: empty(allowedTenantIds) ? tenantId : allowedTenantIds
  SITE_ID: siteId
  DRIVE_ID: driveId
  TEAM_ID: teamId
  CHANNEL_ID: channelId
  WORKFLOW_WEBHOOK_URL: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=workflow-webhook-url)'
  SHARED_MAILBOX: sharedMailbox
  TEAMS_APP_ID: teamsAppId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
}

// Only the credential in use is referenced: a reference to a missing secret would reach the server as literal text.
var certificateSettings = {
  CLIENT_CERTIFICATE_PRIVATE_KEY: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=client-certificate-private-key)'
  CLIENT_CERTIFICATE_THUMBPRINT_SHA256: clientCertificateThumbprintSha256
}
var secretSettings = {
  CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=client-secret)'
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'appsettings'
  properties: union(settings, credentialKind == 'certificate' ? certificateSettings : secretSettings)
  dependsOn: [
    vaultReader
    databaseUrlSecret
    clientCredentialSecret
    webhookSecret
    database
  ]
}

// The JSON logs (stdout) and HTTP logs go to the Log Analytics workspace beside Application Insights.
resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: app
  name: 'logs-to-workspace'
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output appName string = app.name
output keyVaultName string = vault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
