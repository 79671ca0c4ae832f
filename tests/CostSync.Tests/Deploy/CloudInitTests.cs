using System.IO.Compression;
using System.Text;
using CostSync.Commands;
using CostSync.Configuration;
using CostSync.Sync.Configuration;
using CostSync.Tests.Host.Support;
using CostSync.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace CostSync.Tests.Deploy;

/// <summary>deploy/cloud-init rendered for sample variables, as tofu renders it: cloud-init's own schema check, shellcheck on
/// every script it runs, a CostSync configuration that passes CostSync's start-up validation, and OCI's user_data size limit.</summary>
public sealed class CloudInitTests : IDisposable
{
    private const string AccessKeySecretId = "ocid1.vaultsecret.oc1.eu-frankfurt-1.amaaaaaaaccesskey";
    private const string SecretKeySecretId = "ocid1.vaultsecret.oc1.eu-frankfurt-1.amaaaaaasecretkey";
    private const string TopicId = "ocid1.onstopic.oc1.eu-frankfurt-1.amaaaaaatopic";
    private const string MetricsCompartmentId = "ocid1.compartment.oc1..amaaaaaacostsync";
    private static readonly string CloudInitDirectory = Path.Combine(TofuStack.Deploy, "cloud-init");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static Dictionary<string, string> AppsettingsValues => new()
    {
        ["s3_bucket"] = "my-company-oci-cost-reports",
        ["s3_prefix"] = "oci-cost-reports",
        ["s3_region"] = "eu-central-1",
        ["include_tenancy_folder"] = "false",
        ["access_key_secret_id"] = AccessKeySecretId,
        ["secret_key_secret_id"] = SecretKeySecretId,
        ["topic_id"] = TopicId,
        ["schedule_cron"] = "0 */6 * * *",
        ["metrics_compartment_id"] = MetricsCompartmentId,
        ["metrics_namespace"] = "costsync",
    };

    [Fact]
    public async Task CloudInit_RenderedForSampleVariables_PassesCloudInitSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = await WriteAsync("user-data.yaml", await RenderCloudInitAsync(ct));

        var result = await CloudInitSchemaAsync(file, ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Valid cloud-config", result.Output, StringComparison.Ordinal);
        // cloud-init ignores unknown top-level keys, so a typo'd module name would pass its schema: name them here
        Assert.Equal(["runcmd", "users", "write_files"], Root(await RenderCloudInitAsync(ct)).Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CloudInit_WrongType_FailsCloudInitSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var rendered = await RenderCloudInitAsync(ct);
        var file = await WriteAsync("broken.yaml", rendered.Replace("defer: true", "defer: later", StringComparison.Ordinal));

        var result = await CloudInitSchemaAsync(file, ct);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("defer", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudInit_EveryScriptItWritesOrRuns_PassesShellcheck()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Root(await RenderCloudInitAsync(ct));
        var files = WrittenFiles(root);
        var scripts = files.Where(f => f.Value.StartsWith("#!", StringComparison.Ordinal)).ToList();

        Assert.Equal(["/usr/local/sbin/costsync-install", "/usr/local/sbin/costsync-upgrade"], scripts.Select(s => s.Key).Order(StringComparer.Ordinal));
        foreach (var (path, content) in scripts)
        {
            var result = await ShellcheckAsync(await WriteAsync(Path.GetFileName(path), content), ct);
            Assert.True(result.ExitCode == 0, $"{path}: {result}");
        }

        // runcmd runs only the install script, in exec form (no shell string to check)
        var runcmd = Assert.Single(((YamlSequenceNode)root.Children[new YamlScalarNode("runcmd")]).Children);
        var command = ((YamlSequenceNode)runcmd).Children.Select(c => c.ToString()).ToList();
        Assert.Equal(["/usr/local/sbin/costsync-install", "1.4.0", new string('a', 64)], command);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(TofuStack.Deploy, "upgrade.sh"), ct), files["/usr/local/sbin/costsync-upgrade"]);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "install.sh"), ct), files["/usr/local/sbin/costsync-install"]);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(TofuStack.Deploy, "systemd", "costsync.service"), ct), files["/etc/systemd/system/costsync.service"]);
    }

    [Fact]
    public async Task Shellcheck_UnquotedVariable_IsReported()
    {
        var result = await ShellcheckAsync(await WriteAsync("bad.sh", "#!/usr/bin/env bash\nrm -rf $1/tmp\n"), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SC2086", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudInit_UserAndConfiguration_AreWrittenForTheCostSyncUser()
    {
        var root = Root(await RenderCloudInitAsync(TestContext.Current.CancellationToken));

        var users = (YamlSequenceNode)root.Children[new YamlScalarNode("users")];
        var costsync = users.Children.OfType<YamlMappingNode>().Single(u => u.Children[new YamlScalarNode("name")].ToString() == "costsync");
        Assert.Equal("true", costsync.Children[new YamlScalarNode("system")].ToString());
        Assert.Equal("/sbin/nologin", costsync.Children[new YamlScalarNode("shell")].ToString());
        var settings = ((YamlSequenceNode)root.Children[new YamlScalarNode("write_files")]).Children.OfType<YamlMappingNode>()
            .Single(f => f.Children[new YamlScalarNode("path")].ToString() == "/etc/costsync/appsettings.json");
        Assert.Equal("root:costsync", settings.Children[new YamlScalarNode("owner")].ToString());
        Assert.Equal("0640", settings.Children[new YamlScalarNode("permissions")].ToString());
        Assert.Equal("true", settings.Children[new YamlScalarNode("defer")].ToString()); // after the users module has created costsync
        Assert.Equal(
            "COSTSYNC_NAMESPACE=axaxnpcrorw5\nCOSTSYNC_BUCKET=costsync-artifacts\nCOSTSYNC_ARCH=arm64\nCOSTSYNC_REGION=eu-frankfurt-1\n",
            WrittenFiles(root)["/etc/costsync/deploy.env"]);
    }

    [Fact]
    public async Task Appsettings_Rendered_IsAValidCostSyncConfiguration()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = await WriteAsync("appsettings.json", await RenderAppsettingsAsync(ct));
        var sink = new CollectingSink();
        var environment = new AppEnvironment
        {
            BootstrapLogger = sink.CreateLogger(),
            WriteToConsole = false,
            UseSystemConfigFile = false,
            UseEnvironmentVariables = false,
            Configuration = new Dictionary<string, string?> { ["CostSync:Logging:Path"] = string.Empty },
        };

        using var host = CostSyncApp.TryBuildHost(new Invocation(CommandKind.Daemon, ConfigFile: file), environment)!;

        Assert.True(CostSyncApp.IsValid(host, ConfigurationValidator.All, sink.CreateLogger()), string.Join(Environment.NewLine, sink.Lines));
        var destination = host.Services.GetRequiredService<IOptions<DestinationOptions>>().Value;
        Assert.Equal(("my-company-oci-cost-reports", "oci-cost-reports", "eu-central-1"), (destination.Bucket, destination.Prefix, destination.Region));
        var credentials = host.Services.GetRequiredService<IOptions<CredentialsOptions>>().Value;
        Assert.Equal((CredentialsSource.OciVault, AccessKeySecretId, SecretKeySecretId), (credentials.Source, credentials.AccessKeySecretId, credentials.SecretKeySecretId));
        Assert.Equal(TopicId, host.Services.GetRequiredService<IOptions<AlertOptions>>().Value.TopicId);
        // the deployed daemon posts the metrics deploy/tofu's dead-man's switch watches
        var monitoring = host.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.OciMonitoring;
        Assert.Equal((MetricsCompartmentId, "costsync"), (monitoring.CompartmentId, monitoring.Namespace));
    }

    [Fact]
    public async Task Templates_Placeholders_AreExactlyWhatTofuPasses()
    {
        var ct = TestContext.Current.CancellationToken;
        var module = await HclModule.LoadAsync(TofuStack.Directory, ct);

        var cloudInitVars = module.Local("cloud_init_vars").AsObject();
        Assert.Equal(TemplateFile.Placeholders(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "cloud-init.yaml.tftpl"), ct)).Order(StringComparer.Ordinal), cloudInitVars.Select(v => v.Key).Order(StringComparer.Ordinal));
        Assert.Equal(TemplateFile.Placeholders(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "appsettings.json.tftpl"), ct)).Order(StringComparer.Ordinal), module.Local("appsettings_vars").AsObject().Select(v => v.Key).Order(StringComparer.Ordinal));
        // the base64 files are the ones this test renders
        Assert.Contains("/../cloud-init/appsettings.json.tftpl\", local.appsettings_vars", cloudInitVars["appsettings_json_b64"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/../systemd/costsync.service", cloudInitVars["costsync_service_b64"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/../upgrade.sh", cloudInitVars["upgrade_sh_b64"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/../cloud-init/install.sh", cloudInitVars["install_sh_b64"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudInit_UserData_FitsOciMetadataLimit()
    {
        var rendered = Encoding.UTF8.GetBytes(await RenderCloudInitAsync(TestContext.Current.CancellationToken));
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(rendered, TestContext.Current.CancellationToken);
        }

        // instance.tf sends base64gzip(...); OCI accepts at most 32,000 bytes of metadata in all
        Assert.InRange(Convert.ToBase64String(compressed.ToArray()).Length, 1, 30_000);
    }

    private static async Task<string> RenderAppsettingsAsync(CancellationToken cancellationToken) =>
        TemplateFile.Render(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "appsettings.json.tftpl"), cancellationToken), AppsettingsValues);

    private static async Task<string> RenderCloudInitAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>
        {
            ["costsync_version"] = "1.4.0",
            ["artifact_sha256"] = new string('a', 64),
            ["architecture"] = "arm64",
            ["namespace"] = "axaxnpcrorw5",
            ["bucket"] = "costsync-artifacts",
            ["region"] = "eu-frankfurt-1",
            ["appsettings_json_b64"] = TemplateFile.Base64(await RenderAppsettingsAsync(cancellationToken)),
            ["costsync_service_b64"] = TemplateFile.Base64(await File.ReadAllTextAsync(Path.Combine(TofuStack.Deploy, "systemd", "costsync.service"), cancellationToken)),
            ["upgrade_sh_b64"] = TemplateFile.Base64(await File.ReadAllTextAsync(Path.Combine(TofuStack.Deploy, "upgrade.sh"), cancellationToken)),
            ["install_sh_b64"] = TemplateFile.Base64(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "install.sh"), cancellationToken)),
        };
        return TemplateFile.Render(await File.ReadAllTextAsync(Path.Combine(CloudInitDirectory, "cloud-init.yaml.tftpl"), cancellationToken), values);
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>write_files as path → decoded content.</summary>
    private static Dictionary<string, string> WrittenFiles(YamlMappingNode root) =>
        ((YamlSequenceNode)root.Children[new YamlScalarNode("write_files")]).Children.OfType<YamlMappingNode>().ToDictionary(
            f => f.Children[new YamlScalarNode("path")].ToString(),
            f => f.Children.TryGetValue(new YamlScalarNode("encoding"), out var encoding) && encoding.ToString() == "b64"
                ? Encoding.UTF8.GetString(Convert.FromBase64String(f.Children[new YamlScalarNode("content")].ToString()))
                : f.Children[new YamlScalarNode("content")].ToString());

    private static Task<ToolResult> CloudInitSchemaAsync(string file, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync(ExternalTool.Require("cloud-init", "apt-get install -y --no-install-recommends cloud-init"), ["schema", "--config-file", file], cancellationToken);

    private static Task<ToolResult> ShellcheckAsync(string file, CancellationToken cancellationToken) =>
        ExternalTool.RunAsync(ExternalTool.Require("shellcheck", "apt-get install -y --no-install-recommends shellcheck"), ["--severity=style", file], cancellationToken);

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_directory.Path, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}
