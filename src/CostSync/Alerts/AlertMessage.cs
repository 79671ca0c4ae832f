namespace CostSync.Alerts;

/// <summary>One ONS message: the title becomes the e-mail subject.</summary>
internal sealed record AlertMessage(string Title, string Body);
