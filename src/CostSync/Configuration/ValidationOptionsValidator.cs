using CostSync.Sync.Configuration;
using Microsoft.Extensions.Options;

namespace CostSync.Configuration;

/// <summary>Checks the report validation mode.</summary>
internal sealed class ValidationOptionsValidator : IValidateOptions<ValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, ValidationOptions options) =>
        Enum.IsDefined(options.Mode)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConfigProblem.Invalid("CostSync:Validation:Mode", options.Mode, "is not one of Off, Header, Full", "Header"));
}
