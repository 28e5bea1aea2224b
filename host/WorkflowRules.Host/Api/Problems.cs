using Microsoft.AspNetCore.Http.HttpResults;

namespace WorkflowRules.Host.Api;

/// <summary>RFC 9457 problem details with messages a person can act on.</summary>
public static class Problems
{
    /// <summary>A 400 naming one field.</summary>
    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 naming every offending field; the title summarises the first.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors)
    {
        var first = errors.First();
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"{first.Key}: {first.Value.FirstOrDefault()}",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "The resource changed or is in a state that forbids this.", detail: detail);
}
