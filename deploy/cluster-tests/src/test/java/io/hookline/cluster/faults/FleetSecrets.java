package io.hookline.cluster.faults;

import io.hookline.contracts.auth.TokenHash;
import io.hookline.contracts.crypto.SecretCipher;

/** The admin token and secrets key every instance shares, fresh for each run. */
record FleetSecrets(String adminToken, String secretsKey) {

    static FleetSecrets generate() {
        return new FleetSecrets(TokenHash.newSecret(), SecretCipher.generateBase64Key());
    }
}
