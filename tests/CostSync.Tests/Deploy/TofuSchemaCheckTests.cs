using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Deploy;

/// <summary>The stand-in for <c>tofu validate</c>: the real stack passes, and each kind of mistake in a small bad module fails.</summary>
public sealed class TofuSchemaCheckTests : IDisposable
{
    // A valid module: a topic and its e-mail subscription.
    private const string Valid = """
        variable "compartment_id" {
          type        = string
          description = "where"
        }

        locals {
          topic_name = "costsync-alerts"
        }

        resource "oci_ons_notification_topic" "alerts" {
          compartment_id = var.compartment_id
          name           = local.topic_name
        }

        resource "oci_ons_subscription" "email" {
          compartment_id = var.compartment_id
          topic_id       = oci_ons_notification_topic.alerts.id
          protocol       = "EMAIL"
          endpoint       = "finops@example.com"
        }

        data "oci_core_services" "all" {
          filter {
            name   = "name"
            values = ["All .* Services In Oracle Services Network"]
            regex  = true
          }
        }

        output "services" {
          value = data.oci_core_services.all.services[0].cidr_block
        }
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Check_DeployTofu_FindsNoProblem()
    {
        var module = await HclModule.LoadAsync(TofuStack.Directory, TestContext.Current.CancellationToken);

        var problems = TofuSchemaCheck.Check(module, OciProviderSchema.Load());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(module.Files.Keys, f => f == "terraform.tfvars.example");
        Assert.True(module.Resources.Count() >= 15);
    }

    [Fact]
    public async Task Check_ValidFixture_FindsNoProblem()
    {
        Assert.Empty(await CheckAsync(Valid));
    }

    [Theory]
    // a typo'd argument
    [InlineData("  name           = local.topic_name", "  nmae           = local.topic_name", "unknown argument `nmae`")]
    // a missing required argument
    [InlineData("  protocol       = \"EMAIL\"\n", "", "the required argument `protocol` is missing")]
    // an unknown block, at the top and nested
    [InlineData("  name           = local.topic_name", "  name           = local.topic_name\n  retry {\n    attempts = 3\n  }", "unknown block `retry`")]
    [InlineData("    regex  = true", "    regex  = true\n    match {\n      x = 1\n    }", "data \"oci_core_services\" \"all\" > filter: unknown block `match`")]
    // a read-only (computed) attribute
    [InlineData("  name           = local.topic_name", "  name           = local.topic_name\n  topic_id       = \"x\"", "`topic_id` is read-only")]
    // references to an undeclared variable, local, resource and data source
    [InlineData("  compartment_id = var.compartment_id\n  name", "  compartment_id = var.compartment\n  name", "undeclared variable: `var.compartment`")]
    [InlineData("name           = local.topic_name", "name           = local.name", "undeclared local: `local.name`")]
    [InlineData("oci_ons_notification_topic.alerts.id", "oci_ons_notification_topic.alert.id", "undeclared resource: `oci_ons_notification_topic.alert`")]
    [InlineData("data.oci_core_services.all.services", "data.oci_core_services.every.services", "undeclared data source: `data.oci_core_services.every`")]
    // a resource type the provider does not have
    [InlineData("resource \"oci_ons_subscription\"", "resource \"oci_ons_subscriptions\"", "`oci_ons_subscriptions` is not a resource type of the OCI provider 8.28.0")]
    // a syntax error
    [InlineData("  protocol       = \"EMAIL\"", "  protocol       = \"EMAIL", "does not parse")]
    public async Task Check_OneMistake_IsReported(string original, string replacement, string problem)
    {
        Assert.Contains(original, Valid, StringComparison.Ordinal);

        var problems = await CheckAsync(Valid.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_UnusedVariable_IsReported()
    {
        var problems = await CheckAsync(Valid + "\nvariable \"forgotten\" {\n  type = string\n  validation {\n    condition     = var.forgotten != \"\"\n    error_message = \"x\"\n  }\n}\n");

        Assert.Contains("variable `forgotten` is declared but never used.", problems);
    }

    [Fact]
    public void References_PolicyTextAndShell_AreNotReadAsReferences()
    {
        var text = "allow dynamic-group ${local.dg} to read secret-bundles where target.secret.id = '${oci_vault_secret.key.id}' $(printf %s \"$KEY\") "
            + "${[for c_x in var.cidrs : c_x.y]} ${base64encode(templatefile(\"${path.module}/a_b.tftpl\", { a = data.oci_x_y.z.id, b = \"~/.ssh/id_x.pub ${local.k}\" }))} "
            + "${var.on ? (<<-EOT\n    ssh ~/.ssh/id_ed25519.pub ${oci_core_instance.vm.private_ip} \"$x\" }\n  EOT\n) : \"no_such.thing\"}";

        Assert.Equal(["local.dg", "oci_vault_secret.key", "var.cidrs", "data.oci_x_y.z", "local.k", "var.on", "oci_core_instance.vm"], HclReferences.In(text));
    }

    private async Task<IReadOnlyList<string>> CheckAsync(string mainTf)
    {
        var directory = Path.Combine(_directory.Path, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "main.tf"), mainTf, TestContext.Current.CancellationToken);
        return TofuSchemaCheck.Check(await HclModule.LoadAsync(directory, TestContext.Current.CancellationToken), OciProviderSchema.Load());
    }
}
