using CostSync.Bench;
using CostSync.Bench.Limits;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return args.FirstOrDefault() switch
    {
        "raw-get" => await RawGet.RunAsync(new LimitArguments(args), stop.Token),
        "raw-put" => await RawPut.RunAsync(new LimitArguments(args), stop.Token),
        "serve" => await ServeCommand.RunAsync(args, stop.Token),
        _ => await BenchCommand.RunAsync(BenchOptions.Parse(args), stop.Token),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
