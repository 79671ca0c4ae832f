namespace CostSync.OciEmulator;

/// <summary>What an operator needs to point CostSync (or the OCI CLI/SDKs) at a standalone emulator.</summary>
internal static class StartupBanner
{
    public static string Text(OciEmulatorServer server, string configPath)
    {
        string baseUrl = server.BaseUri.ToString().TrimEnd('/');
        return $"""
            CostSync OCI emulator listening on {baseUrl}
              tenancy (bling bucket): {server.TenancyId}
              region:                 {server.Region}
              objects in bling:       {server.Objects.Count}
              API-key config file:    {configPath} (profile DEFAULT; deleted when the emulator stops)
              demo secret:            {StandaloneSeed.SecretId} (vault {Secrets.EmulatorSecrets.DefaultVaultId}, name {StandaloneSeed.SecretName})
              demo ONS topic:         {StandaloneSeed.TopicId}

            CostSync settings (environment):
              CostSync__Oci__Auth=ApiKey
              CostSync__Oci__ConfigFile={configPath}
              CostSync__Oci__Endpoints__ObjectStorage={baseUrl}
              CostSync__Oci__Endpoints__Secrets={baseUrl}
              CostSync__Oci__Endpoints__Notifications={baseUrl}
              CostSync__Oci__Endpoints__Auth={baseUrl}
              CostSync__Oci__Endpoints__TelemetryIngestion={baseUrl}
              CostSync__Oci__Endpoints__Metadata={baseUrl}/opc/v2

            Press Ctrl+C to stop.
            """;
    }
}
