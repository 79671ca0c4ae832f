using CostSync.Alerts;
using CostSync.Tests.Host.Support;
using Xunit;

namespace CostSync.Tests.Host.Alerts;

public sealed class AlertPolicyTests
{
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromHours(24);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);
    private static readonly DateTimeOffset T0 = Results.Start;

    [Fact]
    public void Decide_FirstFailure_AlertsAndStartsStreak()
    {
        var decision = AlertPolicy.Decide(AlertState.Initial, Results.PartiallyFailed(), T0, RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Failure], decision.Alerts);
        Assert.Equal(T0, decision.State.FailureSince);
        Assert.Equal(1, decision.State.FailedRuns);
    }

    [Fact]
    public void Decide_FailureWithinRepeatInterval_StaysQuiet()
    {
        var state = AlertPolicy.Decide(AlertState.Initial, Results.Failed(), T0, RepeatEvery, StaleAfter).State;

        var decision = AlertPolicy.Decide(state, Results.Failed(), T0.AddHours(6), RepeatEvery, StaleAfter);

        Assert.Empty(decision.Alerts);
        Assert.Equal(2, decision.State.FailedRuns);
    }

    [Fact]
    public void Decide_FailureAfterRepeatInterval_AlertsAgain()
    {
        var state = AlertPolicy.Decide(AlertState.Initial, Results.Failed(), T0, RepeatEvery, StaleAfter).State;
        state = AlertPolicy.Decide(state, Results.Failed(), T0.AddHours(12), RepeatEvery, StaleAfter).State;

        var decision = AlertPolicy.Decide(state, Results.Failed(), T0.AddHours(24), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Failure], decision.Alerts);
        Assert.Equal(T0, decision.State.FailureSince);
        Assert.Equal(3, decision.State.FailedRuns);
    }

    [Fact]
    public void Decide_SuccessAfterStreak_SendsOneRecovery()
    {
        var state = AlertPolicy.Decide(AlertState.Initial, Results.Failed(), T0, RepeatEvery, StaleAfter).State;

        var recovered = AlertPolicy.Decide(state, Results.Succeeded(T0), T0.AddHours(6), RepeatEvery, StaleAfter);
        var next = AlertPolicy.Decide(recovered.State, Results.Succeeded(T0), T0.AddHours(12), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Recovery], recovered.Alerts);
        Assert.Null(recovered.State.FailureSince);
        Assert.Empty(next.Alerts);
    }

    [Fact]
    public void Decide_SuccessWithoutStreak_StaysQuiet() =>
        Assert.Empty(AlertPolicy.Decide(AlertState.Initial, Results.Succeeded(T0), T0.AddHours(1), RepeatEvery, StaleAfter).Alerts);

    [Fact]
    public void Decide_StaleSourceWhileRunsSucceed_AlertsOncePerRepeatInterval()
    {
        var newest = T0.AddHours(-40);

        var first = AlertPolicy.Decide(AlertState.Initial, Results.Succeeded(newest), T0, RepeatEvery, StaleAfter);
        var quiet = AlertPolicy.Decide(first.State, Results.Succeeded(newest), T0.AddHours(6), RepeatEvery, StaleAfter);
        var repeat = AlertPolicy.Decide(quiet.State, Results.Succeeded(newest), T0.AddHours(24), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Stale], first.Alerts);
        Assert.Empty(quiet.Alerts);
        Assert.Equal([AlertKind.Stale], repeat.Alerts);
    }

    [Fact]
    public void Decide_FreshAgain_ResetsStaleness()
    {
        var stale = AlertPolicy.Decide(AlertState.Initial, Results.Succeeded(T0.AddHours(-40)), T0, RepeatEvery, StaleAfter).State;

        var fresh = AlertPolicy.Decide(stale, Results.Succeeded(T0), T0.AddHours(1), RepeatEvery, StaleAfter);
        var staleAgain = AlertPolicy.Decide(fresh.State, Results.Succeeded(T0), T0.AddHours(40), RepeatEvery, StaleAfter);

        Assert.Null(fresh.State.StaleSince);
        Assert.Equal([AlertKind.Stale], staleAgain.Alerts);
    }

    [Fact]
    public void Decide_NothingListed_AlertsOncePerRepeatIntervalAndClearsWhenReportsAreBack()
    {
        var first = AlertPolicy.Decide(AlertState.Initial, Results.NothingListed(), T0, RepeatEvery, StaleAfter);
        var quiet = AlertPolicy.Decide(first.State, Results.NothingListed(), T0.AddHours(6), RepeatEvery, StaleAfter);
        var repeat = AlertPolicy.Decide(quiet.State, Results.NothingListed(), T0.AddHours(24), RepeatEvery, StaleAfter);
        var back = AlertPolicy.Decide(repeat.State, Results.Succeeded(T0.AddHours(25)), T0.AddHours(26), RepeatEvery, StaleAfter);
        var emptyAgain = AlertPolicy.Decide(back.State, Results.NothingListed(), T0.AddHours(27), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.NothingListed], first.Alerts);
        Assert.Empty(quiet.Alerts);
        Assert.Equal([AlertKind.NothingListed], repeat.Alerts);
        Assert.Empty(back.Alerts);
        Assert.Null(back.State.NothingListedSince);
        Assert.Equal([AlertKind.NothingListed], emptyAgain.Alerts);
    }

    [Fact]
    public void Decide_NothingListedBetweenStaleRuns_KeepsTheFreshnessStateSoOldReportsStillAlert()
    {
        var old = T0.AddHours(-40);
        var stale = AlertPolicy.Decide(AlertState.Initial, Results.Succeeded(old), T0, RepeatEvery, StaleAfter);
        var empty = AlertPolicy.Decide(stale.State, Results.NothingListed(), T0.AddHours(12), RepeatEvery, StaleAfter);
        var oldAgainTooSoon = AlertPolicy.Decide(empty.State, Results.Succeeded(old), T0.AddHours(18), RepeatEvery, StaleAfter);
        var oldAgain = AlertPolicy.Decide(oldAgainTooSoon.State, Results.Succeeded(old), T0.AddHours(24), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Stale], stale.Alerts);
        Assert.Equal([AlertKind.NothingListed], empty.Alerts);
        Assert.Equal(T0, empty.State.StaleSince);
        Assert.Empty(oldAgainTooSoon.Alerts);
        Assert.Equal([AlertKind.Stale], oldAgain.Alerts);
    }

    [Fact]
    public void Decide_FailedRunThatListedNothing_IsAFailureNotNothingListed() =>
        Assert.Equal([AlertKind.Failure], AlertPolicy.Decide(AlertState.Initial, Results.Failed(), T0, RepeatEvery, StaleAfter).Alerts);

    [Fact]
    public void Decide_SuccessfulRunWithContentFindings_AlertsContentAndIsNoFailure()
    {
        var decision = AlertPolicy.Decide(AlertState.Initial, Results.WithContentFindings(), T0, RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Content], decision.Alerts);
        Assert.Null(decision.State.FailureSince);
    }

    [Fact]
    public void Decide_ContentFindingsInConsecutiveRuns_AlertEachRunBecauseEachRunFindsNewReports()
    {
        var state = AlertPolicy.Decide(AlertState.Initial, Results.WithContentFindings(), T0, RepeatEvery, StaleAfter).State;

        var decision = AlertPolicy.Decide(state, Results.WithContentFindings(), T0.AddHours(6), RepeatEvery, StaleAfter);

        Assert.Equal([AlertKind.Content], decision.Alerts);
    }

    [Fact]
    public void Decide_CleanRun_SendsNoContentAlert()
    {
        Assert.Empty(AlertPolicy.Decide(AlertState.Initial, Results.Succeeded(), T0, RepeatEvery, StaleAfter).Alerts);
    }
}
