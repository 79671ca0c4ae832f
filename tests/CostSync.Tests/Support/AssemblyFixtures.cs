using CostSync.Tests.Support;
using Xunit;

[assembly: AssemblyFixture(typeof(SwiftS3Fixture))]
[assembly: AssemblyFixture(typeof(CostSync.Tests.SecretHygiene.SecretWitnessCheck))]
