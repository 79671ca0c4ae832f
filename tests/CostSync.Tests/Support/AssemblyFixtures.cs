using CostSync.Tests.Support;
using Xunit;

[assembly: AssemblyFixture(typeof(SwiftS3Fixture))]
