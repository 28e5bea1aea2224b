using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Plugins;

/// <summary>
/// What a designer may put where (BC's event hierarchy and event/response combinations). An event that is no rule's
/// following event, and a response that is no rule's response, is independent: it may go after any event.
/// </summary>
/// <param name="EventsAfterEvent">Which events may follow which event.</param>
/// <param name="ResponsesAfterEvent">Which responses may follow which event.</param>
/// <param name="IndependentEvents">Events no rule restricts.</param>
/// <param name="IndependentResponses">Responses no rule restricts.</param>
/// <param name="ResponsePairs">Responses a workflow may only use together with another.</param>
public sealed record CatalogCombinationsView(
    IReadOnlyList<EventAfterEventView> EventsAfterEvent,
    IReadOnlyList<ResponseAfterEventView> ResponsesAfterEvent,
    IReadOnlyList<string> IndependentEvents,
    IReadOnlyList<string> IndependentResponses,
    IReadOnlyList<ResponsePairView> ResponsePairs)
{
    /// <summary>
    /// Rules that name a function no loaded plugin offers (its plugin was removed since) are left out: they restrict
    /// nothing a designer can place.
    /// </summary>
    public static CatalogCombinationsView From(CatalogSnapshot snapshot)
    {
        var eventRules = snapshot.EventCombinations
            .Where(r => snapshot.Events.ContainsKey(r.PrecedingEvent) && snapshot.Events.ContainsKey(r.FollowingEvent))
            .Distinct()
            .OrderBy(r => r.PrecedingEvent, StringComparer.Ordinal).ThenBy(r => r.FollowingEvent, StringComparer.Ordinal)
            .Select(r => new EventAfterEventView(r.PrecedingEvent, r.FollowingEvent))
            .ToList();
        var responseRules = snapshot.ResponseCombinations
            .Where(r => snapshot.Events.ContainsKey(r.PrecedingEvent) && snapshot.Responses.ContainsKey(r.Response))
            .Distinct()
            .OrderBy(r => r.PrecedingEvent, StringComparer.Ordinal).ThenBy(r => r.Response, StringComparer.Ordinal)
            .Select(r => new ResponseAfterEventView(r.PrecedingEvent, r.Response))
            .ToList();
        var restrictedEvents = eventRules.Select(r => r.FollowingEvent).ToHashSet(StringComparer.Ordinal);
        var restrictedResponses = responseRules.Select(r => r.Response).ToHashSet(StringComparer.Ordinal);
        return new(
            eventRules,
            responseRules,
            [.. snapshot.Events.Keys.Where(e => !restrictedEvents.Contains(e)).Order(StringComparer.Ordinal)],
            [.. snapshot.Responses.Keys.Where(r => !restrictedResponses.Contains(r)).Order(StringComparer.Ordinal)],
            [
                .. snapshot.ResponsePairs
                    .OrderBy(p => p.Response, StringComparer.Ordinal).ThenBy(p => p.RequiredResponse, StringComparer.Ordinal)
                    .Select(p => new ResponsePairView(p.Response, p.RequiredResponse, p.PluginId)),
            ]);
    }
}
