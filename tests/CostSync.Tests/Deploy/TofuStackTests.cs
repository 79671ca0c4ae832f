using System.Text.RegularExpressions;
using CostSync.Credentials;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>deploy/tofu read as HCL: least-privilege IAM, no public IP, no AWS secret in any variable or in the state, the
/// home-region check, brownfield toggles, upgrades that never replace the VM, and the outputs an operator needs.</summary>
public sealed class TofuStackTests
{
    private const string UsageReportTenancy = "ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq";

    [Fact]
    public async Task Policy_Statements_AreExactlyTheLeastPrivilegeSet()
    {
        var module = await LoadAsync();

        var statements = module.Local("policy_statements").AsArray().Select(s => s!.GetValue<string>()).ToList();

        Assert.Equal(
            [
                "define tenancy usage-report as ${local.usage_report_tenancy}",
                "endorse dynamic-group ${local.dynamic_group} to read objects in tenancy usage-report",
                "allow dynamic-group ${local.dynamic_group} to read secret-bundles in compartment id ${local.compartment_id} where any {target.secret.id = '${oci_vault_secret.aws_access_key_id.id}', target.secret.id = '${oci_vault_secret.aws_secret_access_key.id}'}",
                "allow dynamic-group ${local.dynamic_group} to use ons-topics in compartment id ${local.compartment_id}",
                "allow dynamic-group ${local.dynamic_group} to read objects in compartment id ${local.compartment_id} where target.bucket.name = '${oci_objectstorage_bucket.artifacts.name}'",
                "allow dynamic-group ${local.dynamic_group} to use metrics in compartment id ${local.compartment_id} where target.metrics.namespace = '${local.metrics_namespace}'",
            ],
            statements);
        Assert.Equal(UsageReportTenancy, module.Local("usage_report_tenancy").GetValue<string>());
        Assert.Equal(CostSync.Configuration.CostSyncDefaults.MetricsNamespace, module.Local("metrics_namespace").GetValue<string>());
        Assert.Equal("${oci_identity_dynamic_group.costsync.name}", module.Local("dynamic_group").GetValue<string>());
        var policy = module.Resource("oci_identity_policy", "costsync");
        Assert.Equal("${local.policy_statements}", policy.Text("statements"));
        Assert.Equal("${var.tenancy_ocid}", policy.Text("compartment_id")); // define/endorse live in the root compartment
        Assert.DoesNotContain(statements, s => Regex.IsMatch(s, @"\b(manage|all-resources)\b"));
    }

    [Fact]
    public async Task DynamicGroup_MatchingRule_IsTheInstanceAlone()
    {
        var group = (await LoadAsync()).Resource("oci_identity_dynamic_group", "costsync");

        Assert.Equal("ALL {instance.id = '${oci_core_instance.costsync.id}'}", group.Text("matching_rule"));
        Assert.Equal("${var.tenancy_ocid}", group.Text("compartment_id"));
    }

    [Fact]
    public async Task Network_NoInstanceOrSubnet_GetsAPublicIp()
    {
        var module = await LoadAsync();

        var instances = module.Resources.Where(r => r.Type == "oci_core_instance").ToList();
        Assert.NotEmpty(instances);
        Assert.All(instances, i => Assert.False(i.Block("create_vnic_details")["assign_public_ip"]!.GetValue<bool>()));
        Assert.All(module.Resources.Where(r => r.Type == "oci_core_subnet"), s => Assert.True(s.Body["prohibit_public_ip_on_vnic"]!.GetValue<bool>()));
        Assert.DoesNotContain(module.Resources, r => r.Type is "oci_core_internet_gateway" or "oci_core_public_ip");
    }

    [Fact]
    public async Task Variables_NoneHoldsASecret_AndEachIsDescribedAndTyped()
    {
        var module = await LoadAsync();

        foreach (var (name, body) in module.Variables)
        {
            Assert.False(Regex.IsMatch(name, "secret|password|token|access_key|aws_key", RegexOptions.IgnoreCase), $"variable {name} looks like it holds a secret");
            Assert.Null(body["sensitive"]);
            Assert.False(string.IsNullOrWhiteSpace(body["description"]?.GetValue<string>()), $"variable {name} has no description");
            Assert.NotNull(body["type"]);
        }

        // every input without a default is in the example, and the example names only declared inputs
        var example = module.Files["terraform.tfvars.example"];
        Assert.All(module.Variables.Where(v => v.Value["default"] is null && !v.Value.ContainsKey("default")), v => Assert.True(example.ContainsKey(v.Key), $"{v.Key} is missing from terraform.tfvars.example"));
        Assert.All(example.Select(e => e.Key), k => Assert.Contains(k, module.Variables.Keys));
    }

    [Fact]
    public async Task Vault_SecretsHoldThePlaceholderCostSyncRecognises_AndTofuNeverRewritesThem()
    {
        var module = await LoadAsync();

        Assert.Equal(VaultPlaceholder.Value, module.Local("vault_placeholder").GetValue<string>());
        var secrets = module.Resources.Where(r => r.Type == "oci_vault_secret").ToList();
        Assert.Equal(["aws_access_key_id", "aws_secret_access_key"], secrets.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var secret in secrets)
        {
            var content = secret.Block("secret_content");
            Assert.Equal("BASE64", content["content_type"]!.GetValue<string>());
            Assert.Equal("${base64encode(local.vault_placeholder)}", content["content"]!.GetValue<string>());
            Assert.Contains("${secret_content}", IgnoredChanges(secret));
        }
    }

    [Fact]
    public async Task Instance_UserDataChanges_NeverReplaceTheVm()
    {
        var instance = (await LoadAsync()).Resource("oci_core_instance", "costsync");

        var ignored = IgnoredChanges(instance);
        Assert.Contains("${metadata}", ignored);
        Assert.Contains("${source_details[0].source_id}", ignored);
        Assert.Contains("templatefile(\"${path.module}/../cloud-init/cloud-init.yaml.tftpl\", local.cloud_init_vars)", instance.Body["metadata"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(instance.Block("instance_options")["are_legacy_imds_endpoints_disabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Checks_PlanFailsOutsideTheHomeRegionAndOnIncompleteBrownfieldInputs()
    {
        var module = await LoadAsync();

        var home = module.DataSources.Single(d => d.Type == "oci_identity_region_subscriptions");
        var lifecycle = home.Block("lifecycle");
        var postcondition = lifecycle["postcondition"]!.AsArray().Single()!.AsObject();
        Assert.Contains("self.region_subscriptions[0].region_name == var.region", postcondition["condition"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("is not the tenancy's home region", postcondition["error_message"]!.GetValue<string>(), StringComparison.Ordinal);
        var preconditions = lifecycle["precondition"]!.AsArray().Select(p => p!["condition"]!.GetValue<string>()).ToList();
        // every create_* toggle has its existing_*_id and a plan-time check that it is given
        foreach (var toggle in module.Variables.Keys.Where(v => v.StartsWith("create_", StringComparison.Ordinal) && v != "create_bastion"))
        {
            var existing = toggle == "create_private_subnet" ? "existing_subnet_id" : $"existing_{toggle["create_".Length..]}_id";
            Assert.Contains(existing, module.Variables.Keys);
            Assert.Contains(preconditions, p => p.Contains($"var.{toggle}", StringComparison.Ordinal) && p.Contains($"var.{existing}", StringComparison.Ordinal));
        }

        Assert.Equal(
            ["compartment", "key", "nat_gateway", "private_subnet", "service_gateway", "vault", "vcn"],
            module.Variables.Keys.Where(v => v.StartsWith("create_", StringComparison.Ordinal) && v != "create_bastion").Select(v => v["create_".Length..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Provider_IsPinnedToOracleOci828()
    {
        var module = await LoadAsync();

        var terraform = module.Files["versions.tf"]["terraform"]!.AsArray().Single()!;
        var oci = terraform["required_providers"]!.AsArray().Single()!["oci"]!;
        Assert.Equal("oracle/oci", oci["source"]!.GetValue<string>());
        Assert.Equal("~> 8.28", oci["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Artifact_IsThePinnedVersionNeverLatest()
    {
        var module = await LoadAsync();

        Assert.Equal("costsync-${var.costsync_version}-linux-${local.architecture}.tar.gz", module.Local("artifact_name").GetValue<string>());
        Assert.Equal("${local.artifact_sha256}", module.Local("cloud_init_vars")["artifact_sha256"]!.GetValue<string>());
        foreach (var file in Directory.EnumerateFiles(TofuStack.Deploy, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".tftpl", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(@"(?i)\blatest\b", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Outputs_GiveTheOperatorEveryNextStep()
    {
        var outputs = (await LoadAsync()).Outputs;

        Assert.Equal(["artifact", "bastion_session_command", "check_service", "dead_man_alarm_id", "instance_id", "instance_private_ip", "set_aws_keys", "topic_id", "upgrade_command"], outputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("${oci_monitoring_alarm.dead_man.id}", outputs["dead_man_alarm_id"]["value"]!.GetValue<string>());
        var setKeys = outputs["set_aws_keys"]["value"]!.GetValue<string>();
        Assert.Contains("oci vault secret update-base64 --region ${var.region} --secret-id ${oci_vault_secret.aws_access_key_id.id}", setKeys, StringComparison.Ordinal);
        Assert.Contains("--secret-id ${oci_vault_secret.aws_secret_access_key.id}", setKeys, StringComparison.Ordinal);
        Assert.Contains("read -rs", setKeys, StringComparison.Ordinal);
        Assert.Contains("journalctl -u costsync -f", outputs["check_service"]["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("costsync-upgrade --rollback", outputs["upgrade_command"]["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(outputs.Values, o => Assert.False(string.IsNullOrWhiteSpace(o["description"]?.GetValue<string>())));
    }

    [Fact]
    public async Task Alarm_DeadMansSwitch_FiresOnTheAlertTopicWhenMetricsStopOrRunsKeepFailing()
    {
        var module = await LoadAsync();

        var alarm = module.Resource("oci_monitoring_alarm", "dead_man");
        Assert.Equal("${oci_ons_notification_topic.alerts.id}", alarm.Body["destinations"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("${local.metrics_namespace}", alarm.Text("namespace"));
        Assert.Equal("${local.compartment_id}", alarm.Text("metric_compartment_id"));
        Assert.True(alarm.Body["is_enabled"]!.GetValue<bool>());
        // absence: nothing posted in the window (VM stopped, service dead or disabled)
        Assert.Equal("last_run_status[${local.dead_man_window}].groupBy(host).absent(72h)", alarm.Text("query"));
        // and every run in the window failed or partially failed (0 = succeeded, see RunMetrics.StatusCode)
        var failing = alarm.Block("overrides");
        Assert.Equal("last_run_status[${local.dead_man_window}].groupBy(host).min() > 0", failing["query"]!.GetValue<string>());
        Assert.Equal("${var.dead_man_alarm_hours}h", module.Local("dead_man_window").GetValue<string>());
        var precondition = alarm.Block("lifecycle")["precondition"]!.AsArray().Single()!;
        Assert.Contains("var.dead_man_alarm_hours >= 2 * coalesce(local.schedule_every_hours, 0)", precondition["condition"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_DeadManAlarmHours_DefaultsToTwoScheduleIntervalsWithinOciLimits()
    {
        var module = await LoadAsync();

        var hours = module.Variables["dead_man_alarm_hours"];
        Assert.Equal(12, hours["default"]!.GetValue<int>());
        Assert.Equal("0 */6 * * *", module.Variables["schedule_cron"]["default"]!.GetValue<string>());
        var condition = hours["validation"]!.AsArray().Single()!["condition"]!.GetValue<string>();
        Assert.Contains("var.dead_man_alarm_hours >= 1 && var.dead_man_alarm_hours <= 24", condition, StringComparison.Ordinal);
        // the schedule check reads the hours of "<minute> */N * * *" schedules, and only of those (HCL's `\\` is one `\`)
        var hcl = Regex.Match(module.Local("schedule_every_hours").GetValue<string>(), """regex\("(?<pattern>.*)", var\.schedule_cron\)""").Groups["pattern"].Value;
        var everyHours = hcl.Replace(@"\\", @"\", StringComparison.Ordinal);
        Assert.Equal("6", Regex.Match("0 */6 * * *", everyHours).Groups[1].Value);
        Assert.Equal("4", Regex.Match("15 */4 * * *", everyHours).Groups[1].Value);
        Assert.DoesNotMatch(everyHours, "0 3 * * *");
    }

    private static async Task<HclModule> LoadAsync() => await HclModule.LoadAsync(TofuStack.Directory, TestContext.Current.CancellationToken);

    private static List<string> IgnoredChanges(HclBlock block) =>
        [.. block.Block("lifecycle")["ignore_changes"]!.AsArray().Select(n => n!.GetValue<string>())];
}
