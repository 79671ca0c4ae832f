using Xunit;

namespace CostSync.Tests.Host;

/// <summary>Properties of the built host assembly.</summary>
public sealed class CostSyncProjectTests
{
    [Fact]
    public void Assembly_HasNoUserSecretsId()
    {
        // A UserSecretsId lets the .NET user-secrets store (a plain JSON file in the home folder) become a configuration
        // source by convention; CostSync reads its secrets from OCI Vault only.
        var attributes = typeof(CostSyncApp).Assembly.GetCustomAttributesData().Select(a => a.AttributeType.Name);

        Assert.DoesNotContain("UserSecretsIdAttribute", attributes);
    }
}
