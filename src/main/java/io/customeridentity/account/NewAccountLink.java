package io.customeridentity.account;

/** A request to link an account number to a customer. {@link #toString()} never shows the number. */
public record NewAccountLink(String accountNumber, AccountType type, String label) {

    @Override
    public String toString() {
        return "NewAccountLink[accountNumber=****, type=" + type + ", label=" + label + "]";
    }
}
