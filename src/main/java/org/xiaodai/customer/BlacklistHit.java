package org.xiaodai.customer;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What any institution learns about an ID number from the regional blacklist: hit or miss and
 * the reason categories, never who reported it, when, or the evidence.
 */
@Schema(description = "Hit or miss on the regional blacklist, with the reason categories; never who reported it.")
public record BlacklistHit(boolean hit, @ArraySchema(schema = @Schema(example = "FRAUD")) List<BlacklistReason> reasons) {

    public BlacklistHit {
        reasons = List.copyOf(reasons);
    }
}
