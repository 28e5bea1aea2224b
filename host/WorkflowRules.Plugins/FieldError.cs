namespace WorkflowRules.Plugins;

/// <summary>One problem with a JSON document, where it is and what to do about it.</summary>
/// <param name="Path">Where, relative to the document: <c>vendorNo</c>, <c>lines[0].quantity</c>; empty for the document itself.</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
public sealed record FieldError(string Path, string Message);
