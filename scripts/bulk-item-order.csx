// record: PurchaseDocument
// Bulk orders are checked by the warehouse manager: an item line above 100 units, or more than 20 lines.
// A single expression is a complete condition; no return needed.
Record.DocumentType == "Order"
    && (Record.Lines.Any(l => l.Type == "Item" && l.Quantity > 100m) || Record.Lines.Count > 20)
