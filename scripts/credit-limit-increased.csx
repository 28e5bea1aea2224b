// record: Customer
// A credit limit raised by more than 10 % (or raised at all for a blocked customer, or from zero)
// goes to the credit manager. Previous is null when the customer was just created: that is no raise.
if (Previous is null)
{
    return false;
}

var raise = Record.CreditLimit - Previous.CreditLimit;
if (raise <= 0m)
{
    return false;
}

return Record.Blocked || Previous.CreditLimit == 0m || raise / Previous.CreditLimit > 0.10m;
