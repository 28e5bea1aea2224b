// record: PurchaseDocument
// Orders and invoices above 10,000 (or with one line above 5,000) need a second approver.
// Amounts in a foreign currency cannot be compared with local limits, so those always go for approval.
const decimal DocumentLimit = 10_000m;
const decimal LineLimit = 5_000m;

if (Record.DocumentType is not ("Order" or "Invoice"))
{
    return false;
}

if (Record.CurrencyCode != "")
{
    return true;
}

var largestLine = Record.Lines.Select(l => l.Quantity * l.UnitCost).DefaultIfEmpty(0m).Max();
return Record.Amount > DocumentLimit || largestLine > LineLimit;
